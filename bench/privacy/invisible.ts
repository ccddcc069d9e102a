/**
 * Invisible-character variants of the annotated sentences: every strict identifier and every new
 * number kind is written again with a zero-width character, a soft hyphen, a word joiner or a BOM
 * inside it and at its edges, with its spaces replaced by no-break or other Unicode spaces, and in
 * full-width digits and letters. The gold span grows with the inserted characters: they belong to
 * the entity, so anonymising must replace them too.
 *
 * Scored: strict recall of the altered entity, and whether the anonymised text still holds an
 * invisible or full-width character of the altered entity.
 */
import { anonymise, detectPersonalData, type EntityType } from '../../src/privacy/index.ts';
import type { Annotation, Sample } from './sample.ts';
import { SPACES, ZERO_WIDTH } from './marked.ts';
import { CLASSES } from './score.ts';

const ALTERED_TYPES = new Set<EntityType>([...CLASSES['strict identifiers'], ...CLASSES['new number kinds']]);
const LEFTOVER_RE = /[\u00ad\u200b-\u200d\u2060\ufeff\uff01-\uff5e]/;

interface Variant {
  kind: string;
  sample: Sample;
  /** The altered entity in the variant's text. */
  target: Annotation;
}

/** Rewrite the span [start, end) of `s` with `rewrite`, shifting every later annotation. */
function rewriteSpan(s: Sample, g: Annotation, inner: string, before = '', after = ''): { sample: Sample; target: Annotation } {
  const text = s.text.slice(0, g.start) + before + inner + after + s.text.slice(g.end);
  const delta = before.length + inner.length + after.length - (g.end - g.start);
  const target: Annotation = { type: g.type, start: g.start, end: g.end + delta };
  const entities = s.entities.map((e) => (e === g ? target : e.start >= g.end ? { ...e, start: e.start + delta, end: e.end + delta } : e));
  return { sample: { text, entities }, target };
}

/** The middle position between two letters or digits inside the span, or -1. */
function innerPosition(span: string): number {
  const positions: number[] = [];
  for (let i = 1; i < span.length; i++) if (/[\p{L}\p{N}]/u.test(span[i - 1]!) && /[\p{L}\p{N}]/u.test(span[i]!)) positions.push(i);
  return positions.length ? positions[Math.floor(positions.length / 2)]! : -1;
}

export function invisibleVariants(samples: Sample[]): Variant[] {
  const out: Variant[] = [];
  for (const s of samples) {
    // Sentences that already hold such characters would make the leak check meaningless.
    if (LEFTOVER_RE.test(s.text)) continue;
    for (const g of s.entities) {
      if (!ALTERED_TYPES.has(g.type)) continue;
      const span = s.text.slice(g.start, g.end);
      if (/[^\x20-\x7e]/.test(span)) continue;
      const mid = innerPosition(span);
      for (const [name, ch] of Object.entries(ZERO_WIDTH)) {
        if (mid > 0) out.push({ kind: `${name} inside`, ...rewriteSpan(s, g, span.slice(0, mid) + ch + span.slice(mid)) });
        out.push({ kind: `${name} around`, ...rewriteSpan(s, g, span, ch, ch) });
      }
      if (span.includes(' ')) {
        for (const [name, ch] of Object.entries(SPACES)) out.push({ kind: name, ...rewriteSpan(s, g, span.replaceAll(' ', ch)) });
      }
      const wide = span.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      out.push({ kind: 'full-width', ...rewriteSpan(s, g, wide) });
    }
  }
  return out;
}

export interface InvisibleResult {
  name: string;
  variants: number;
  found: number;
  /** Variants whose anonymised text still holds an invisible or full-width character. */
  leaks: number;
  byKind: Record<string, { variants: number; found: number; leaks: number }>;
  errors: string[];
}

export function scoreInvisible(name: string, samples: Sample[]): InvisibleResult {
  const r: InvisibleResult = { name, variants: 0, found: 0, leaks: 0, byKind: {}, errors: [] };
  for (const v of invisibleVariants(samples)) {
    const k = (r.byKind[v.kind] ??= { variants: 0, found: 0, leaks: 0 });
    r.variants++;
    k.variants++;
    const hit = detectPersonalData(v.sample.text).some((e) => e.type === v.target.type && e.start === v.target.start && e.end === v.target.end);
    const anonymised = anonymise(v.sample.text).text;
    const leak = LEFTOVER_RE.test(anonymised);
    if (hit) {
      r.found++;
      k.found++;
    }
    if (leak) {
      r.leaks++;
      k.leaks++;
    }
    if (!hit || leak) r.errors.push(`${v.kind}: ${JSON.stringify(v.sample.text)}${leak ? ` → ${JSON.stringify(anonymised)}` : ''}`);
  }
  return r;
}
