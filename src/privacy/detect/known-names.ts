/**
 * Names the team registered for a case: matched case-insensitively, also in part.
 */
import { PARTICLE_SET } from './lexicon.ts';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function knownNamePattern(names: string[]): RegExp | null {
  const alts = new Set<string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.length < 2) continue;
    alts.add(name);
    const parts = name.split(' ');
    // Surname with its particles ("de Vries" from "Anna de Vries"), and each part of two or more letters.
    const firstParticle = parts.findIndex((p, i) => i > 0 && PARTICLE_SET.has(p.toLowerCase()));
    if (firstParticle > 0) alts.add(parts.slice(firstParticle).join(' '));
    for (const p of parts) {
      const clean = p.replace(/\./g, '');
      if (clean.length >= 2 && !PARTICLE_SET.has(clean.toLowerCase())) alts.add(p);
    }
  }
  if (alts.size === 0) return null;
  const sorted = [...alts].sort((a, b) => b.length - a.length).map((a) => escapeRe(a).replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}
