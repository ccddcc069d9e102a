/**
 * Structured identifiers without a checksum: e-mail addresses, postcodes, licence plates; and
 * the labels that mark a number as some other identifier.
 */
import { OTHER_ID_LABELS, words } from './wordlists/lexicon.ts';
import { type Cand, before, cand } from './entities.ts';

const OTHER_ID_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${words(OTHER_ID_LABELS)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\.?\\s*(?:nr\\.?|nummer)?\\s*[:#]?\\s*$`,
  'u',
);
/** True when a number is introduced as some other kind of identifier ("zaaknummer 0123456789"). */
export function hasOtherIdLabel(text: string, start: number): boolean {
  return OTHER_ID_RE.test(before(text, start, 30));
}

/** Web addresses are not an entity type here, but words inside them are never names. */
export const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"']+/giu;

const EMAIL_RE = /[\p{L}\p{N}._%+-]*[\p{L}\p{N}]@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;

const EMAIL_LOCAL_CHAR_RE = /[\p{L}\p{N}._%+-]/u;

export function findEmails(text: string, out: Cand[]): void {
  // Searching for '@' first keeps this linear; the full pattern is applied around each one.
  let at = text.indexOf('@');
  while (at >= 0) {
    let s = at;
    while (s > 0 && at - s < 64 && EMAIL_LOCAL_CHAR_RE.test(text[s - 1]!)) s--;
    EMAIL_RE.lastIndex = s;
    const m = EMAIL_RE.exec(text);
    if (m && m.index === s) {
      out.push(cand('EMAIL', text, m.index, m.index + m[0].length));
      at = text.indexOf('@', m.index + m[0].length);
    } else at = text.indexOf('@', at + 1);
  }
}

const POSTCODE_RE = /(?<![\p{L}\p{N}\-./,€])([1-9]\d{3})( ?)([A-Za-z]{2})(?![\p{L}\p{N}])/gu;
const POSTCODE_UNITS = new Set(['mg', 'gr', 'kg', 'ml', 'cl', 'dl', 'km', 'cm', 'mm', 'kb', 'mb', 'gb', 'pk', 'kw', 'ie', 'st', 'ha', 'uu', 'xl', 'ct', 'gb']);

export function findPostcodes(text: string, out: Cand[]): void {
  for (const m of text.matchAll(POSTCODE_RE)) {
    const letters = m[3]!;
    const upper = letters === letters.toUpperCase();
    const lower = letters === letters.toLowerCase();
    if (!upper && !lower) continue;
    if (lower) {
      if (POSTCODE_UNITS.has(letters)) continue;
      // "1234 ab" with a space is too ambiguous unless a label precedes it.
      if (m[2] && !/postcode\W*$/.test(before(text, m.index, 15))) continue;
    }
    if (upper && POSTCODE_UNITS.has(letters.toLowerCase()) && !m[2]) continue;
    out.push(cand('POSTCODE', text, m.index, m.index + m[0].length));
  }
}

// Dutch licence plates: the sidecodes in use since 1951, written with dashes. Without dashes a
// plate counts only after a word like "kenteken".
const SIDECODES = [
  'LL-DD-DD', 'DD-DD-LL', 'DD-LL-DD', 'LL-DD-LL', 'LL-LL-DD', 'DD-LL-LL', 'DD-LLL-D',
  'D-LLL-DD', 'LL-DDD-L', 'L-DDD-LL', 'LLL-DD-L', 'L-DD-LLL', 'D-LL-DDD', 'DDD-LL-D',
];
function sidecodeSource(dash: string): string {
  return SIDECODES.map((c) =>
    c
      .split('-')
      .map((part) => (part[0] === 'L' ? `[A-Z]{${part.length}}` : `\\d{${part.length}}`))
      .join(dash),
  ).join('|');
}
const KENTEKEN_RE = new RegExp(`(?=[A-Z0-9])(?<![\\p{L}\\p{N}\\-])(?:${sidecodeSource('-')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, 'gu');
const KENTEKEN_BARE_RE = new RegExp(`(?=[A-Z0-9])(?<![\\p{L}\\p{N}\\-])(?:${sidecodeSource('')})(?![\\p{L}\\p{N}])`, 'gu');
const KENTEKEN_WORD_RE = /kenteken|nummerbord|auto|scooter|brommer|motor|bus/gi;
const KENTEKEN_CONTEXT_RE = /(?:kenteken|nummerbord|auto|scooter|brommer|motor|bus|busje)\W*(?:\p{L}+\W+){0,2}$/u;

export function findKentekens(text: string, out: Cand[]): void {
  for (const m of text.matchAll(KENTEKEN_RE)) {
    if (!/\d/.test(m[0]) || !/[A-Z]/.test(m[0])) continue;
    out.push(cand('KENTEKEN', text, m.index, m.index + m[0].length));
  }
  // Plates without dashes only shortly after a context word: look in those windows alone.
  let lastEnd = -1;
  for (const w of text.matchAll(KENTEKEN_WORD_RE)) {
    const from = w.index;
    const to = Math.min(text.length, w.index + w[0].length + 45);
    KENTEKEN_BARE_RE.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = KENTEKEN_BARE_RE.exec(text)) && m.index < to) {
      if (m.index >= lastEnd && /\d/.test(m[0]) && /[A-Z]/.test(m[0]) && KENTEKEN_CONTEXT_RE.test(before(text, m.index, 40))) {
        out.push(cand('KENTEKEN', text, m.index, m.index + m[0].length));
        lastEnd = m.index + m[0].length;
      }
    }
  }
}
