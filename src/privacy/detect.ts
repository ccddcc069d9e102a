/**
 * Rule-based detection of personal data in Dutch free text (chat questions, case notes).
 *
 * No model and no network: regular expressions with validators for the structured identifiers
 * (BSN with the elfproef, IBAN with mod-97, phone numbers by digit count), a small tokenizer with
 * context rules for addresses, ages and person names, and hand-written word lists
 * (src/privacy/wordlists). Everything is compiled once when the module loads.
 *
 * Span conventions (see bench/privacy/README.md): a person span holds the name itself, with
 * initials and tussenvoegsels, but without the form of address (mevrouw, dhr., dr.). An age span
 * holds the number and its unit ("72 jaar", "14-jarige"), a bare number in "(72)" or "van 14".
 */
import { FIRST_NAME_DATA } from './wordlists/first-names.ts';
import { SURNAME_DATA } from './wordlists/surnames.ts';
import {
  AGE_PERSON_NOUNS,
  AMBIGUOUS_NAMES,
  CAP_PARTICLES,
  DE_CORES,
  FUNCTION_WORDS,
  VAN_CORES,
  DURATION_AFTER,
  DURATION_BEFORE,
  MONTHS,
  NAME_SUFFIXES,
  NAMING_WORDS,
  ORG_TAIL_WORDS,
  OTHER_ID_LABELS,
  PARTICLES,
  PERSON_VERBS,
  PLACES,
  PLACE_PREPOSITIONS,
  ROLE_WORDS,
  STOP_PHRASES,
  STOP_WORDS,
  STREET_HEADS,
  STREET_PREFIXES,
  STREET_SUFFIXES,
  TITLES,
  VERY_COMMON_WORDS,
  words,
} from './wordlists/lexicon.ts';

export type EntityType =
  | 'BSN'
  | 'IBAN'
  | 'TELEFOON'
  | 'EMAIL'
  | 'POSTCODE'
  | 'ADRES'
  | 'DATUM'
  | 'GEBOORTEDATUM'
  | 'KENTEKEN'
  | 'LEEFTIJD'
  | 'PERSOON';

export interface Entity {
  type: EntityType;
  /** Offset of the first UTF-16 code unit. */
  start: number;
  /** Offset just past the last UTF-16 code unit. */
  end: number;
  text: string;
}

export interface DetectOptions {
  /** Names the team registered for this case; always tagged, case-insensitive, also inside a longer name. */
  knownNames?: string[];
}

export const ENTITY_TYPES: readonly EntityType[] = [
  'BSN',
  'IBAN',
  'TELEFOON',
  'EMAIL',
  'POSTCODE',
  'ADRES',
  'DATUM',
  'GEBOORTEDATUM',
  'KENTEKEN',
  'LEEFTIJD',
  'PERSOON',
];

/** Placeholders written by anonymise(); they are left alone so anonymising twice changes nothing. */
export const PLACEHOLDER_RE = new RegExp(`\\[(?:${ENTITY_TYPES.join('|')})-\\d+\\]`, 'g');

// ---------------------------------------------------------------------------------------------
// Word lists, folded once into Sets.

/** Lowercase and drop diacritics, also the Turkish dotless i and a few letters NFD leaves alone. */
const NON_ASCII_RE = /[^\x00-\x7f]/;

export function fold(s: string): string {
  if (!NON_ASCII_RE.test(s)) return s.toLowerCase();
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/đ/g, 'd')
    .replace(/ß/g, 'ss');
}

function setOf(list: string, folded = true): Set<string> {
  const s = new Set<string>();
  for (const w of words(list)) {
    s.add(w.toLowerCase());
    if (folded) s.add(fold(w));
  }
  return s;
}

const FIRST = setOf(FIRST_NAME_DATA);
const SUR = setOf(SURNAME_DATA);
const TITLE_SET = setOf(TITLES);
const ROLE_SET = setOf(ROLE_WORDS);
const NAMING_SET = setOf(NAMING_WORDS);
const PARTICLE_SET = setOf(PARTICLES);
const CAP_PARTICLE_SET = setOf(CAP_PARTICLES);
const SUFFIX_SET = setOf(NAME_SUFFIXES);
const STOP_SET = setOf(STOP_WORDS);
const FUNCTION_SET = setOf(FUNCTION_WORDS);
const DE_CORE_SET = setOf(DE_CORES);
const VAN_CORE_SET = setOf(VAN_CORES);
const PLACE_SET = setOf(PLACES);
const PLACE_PREP_SET = setOf(PLACE_PREPOSITIONS);
const VERB_SET = setOf(PERSON_VERBS);
const AMBIG_SET = setOf(AMBIGUOUS_NAMES);
const VERY_COMMON_SET = setOf(VERY_COMMON_WORDS);
const ORG_TAIL_SET = setOf(ORG_TAIL_WORDS);
const STREET_HEAD_SET = setOf(STREET_HEADS);
const STREET_PREFIX_SET = setOf(STREET_PREFIXES);
const AGE_NOUN_SET = setOf(AGE_PERSON_NOUNS);
const DUR_BEFORE_SET = setOf(DURATION_BEFORE);
const DUR_AFTER_SET = setOf(DURATION_AFTER);
const STOP_PHRASE_SET = setOf(STOP_PHRASES);
const STOP_PHRASE_MAX = 5;
/** Street endings, longest first so "dwarsstraat" wins over "straat". */
const STREET_SUFFIX_LIST = [...setOf(STREET_SUFFIXES, false)]
  .filter((s) => !s.endsWith('.'))
  .sort((a, b) => b.length - a.length);
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  ...[...TITLE_SET].map((t) => t.replace(/\.$/, '')),
  ...Object.keys(MONTHS),
  ...'geb tel nr bijv bv ca evt ivm mbt oa dwz zgn resp jl jr sr st str vs etc incl excl ong max min mob'.split(' '),
]);

function isStop(lower: string): boolean {
  return STOP_SET.has(lower) || FUNCTION_SET.has(lower);
}

/** True when a word is in the bundled first-name or surname lists (used by the benchmark report). */
export function isListedNameWord(word: string): boolean {
  return isLexName(word.toLowerCase());
}

function isLexName(lower: string): boolean {
  return isFirst(lower) || isSur(lower);
}
function isFirst(lower: string): boolean {
  return FIRST.has(lower) || (NON_ASCII_RE.test(lower) && FIRST.has(fold(lower)));
}
function isSur(lower: string): boolean {
  return SUR.has(lower) || (NON_ASCII_RE.test(lower) && SUR.has(fold(lower)));
}

// ---------------------------------------------------------------------------------------------
// Candidate bookkeeping.

interface Cand extends Entity {
  prio: number;
}

const PRIORITY: Record<EntityType, number> = {
  EMAIL: 100,
  IBAN: 95,
  BSN: 90,
  TELEFOON: 90,
  KENTEKEN: 80,
  POSTCODE: 78,
  GEBOORTEDATUM: 72,
  DATUM: 70,
  ADRES: 60,
  PERSOON: 50,
  LEEFTIJD: 40,
};

function cand(type: EntityType, text: string, start: number, end: number, prio = PRIORITY[type]): Cand {
  return { type, start, end, text: text.slice(start, end), prio };
}

/** Keep the strongest candidate where spans overlap: priority first, then length. */
function resolve(cands: Cand[]): Entity[] {
  const order = [...cands].sort(
    (a, b) => b.prio - a.prio || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Accepted spans never overlap, so they stay sorted by start; a binary search finds the
  // neighbours a new candidate could collide with.
  const taken: Cand[] = [];
  for (const c of order) {
    if (c.end <= c.start) continue;
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = taken[lo - 1];
    const next = taken[lo];
    if ((prev && prev.end > c.start) || (next && next.start < c.end)) continue;
    taken.splice(lo, 0, c);
  }
  return taken.map(({ type, start, end, text }) => ({ type, start, end, text }));
}

/** Up to `n` characters before `pos`, lowercased, for context checks. */
function before(text: string, pos: number, n: number): string {
  return text.slice(Math.max(0, pos - n), pos).toLowerCase();
}
function after(text: string, pos: number, n: number): string {
  return text.slice(pos, pos + n).toLowerCase();
}

const OTHER_ID_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${words(OTHER_ID_LABELS)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})\\.?\\s*(?:nr\\.?|nummer)?\\s*[:#]?\\s*$`,
  'u',
);
/** True when a number is introduced as some other kind of identifier ("zaaknummer 0123456789"). */
function hasOtherIdLabel(text: string, start: number): boolean {
  return OTHER_ID_RE.test(before(text, start, 30));
}

// ---------------------------------------------------------------------------------------------
// Structured identifiers.

/** Web addresses are not an entity type here, but words inside them are never names. */
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"']+/giu;

const EMAIL_RE = /[\p{L}\p{N}._%+-]*[\p{L}\p{N}]@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;

const EMAIL_LOCAL_CHAR_RE = /[\p{L}\p{N}._%+-]/u;

function findEmails(text: string, out: Cand[]): void {
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

/** Account number lengths per country (ISO 13616 registry, from memory; unknown codes fall back to a search). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31,
  SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29,
  VA: 22, VG: 24, XK: 20, YE: 30,
};

/** ISO 7064 mod 97-10 check used by IBAN. */
export function isValidIban(raw: string): boolean {
  const s = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const known = IBAN_LENGTH[s.slice(0, 2)];
  if (known !== undefined && known !== s.length) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const val = code >= 65 ? String(code - 55) : ch;
    for (const d of val) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

const IBAN_RE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,32}/gu;

function findIbans(text: string, out: Cand[]): void {
  IBAN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_RE.exec(text))) {
    const s = m[0];
    const matchStart = m.index;
    let found = -1;
    // Offsets in the original for each kept character.
    const pos: number[] = [];
    for (let i = 0; i < s.length; i++) if (s[i] !== ' ' && s[i] !== '-') pos.push(i);
    const compact = pos.map((i) => s[i]).join('').toUpperCase();
    const known = IBAN_LENGTH[compact.slice(0, 2)];
    const lengths = known !== undefined ? [known] : range(Math.min(34, compact.length), 15);
    for (const len of lengths) {
      if (len > compact.length) continue;
      const lastIdx = pos[len - 1]!;
      const endInText = m.index + lastIdx + 1;
      const next = text[endInText] ?? '';
      if (/[\p{L}\p{N}]/u.test(next)) continue;
      if (!isValidIban(compact.slice(0, len))) continue;
      out.push(cand('IBAN', text, matchStart, endInText));
      found = endInText;
      break;
    }
    // Continue right after an accepted number, or one character further on failure, so a second
    // IBAN swallowed by the greedy pattern ("... naar NL44RABO...") is still found.
    IBAN_RE.lastIndex = found > 0 ? found : matchStart + 1;
  }
}

function range(from: number, downTo: number): number[] {
  const r: number[] = [];
  for (let i = from; i >= downTo; i--) r.push(i);
  return r;
}

/** The elfproef on a 9-digit string (weights 9..2 and -1). All zeros is rejected. */
export function isValidBsn(raw: string): boolean {
  let d = raw.replace(/\D/g, '');
  if (d.length === 8) d = '0' + d;
  if (d.length !== 9 || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (d.charCodeAt(i) - 48) * (9 - i);
  sum -= d.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

const BSN_RE =
  /(?<![\p{L}\p{N}.,\-/+€])(\d{9}|\d{4}[ .-]\d{2}[ .-]\d{3}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{3}[ .-]\d{2}[ .-]\d{2}[ .-]\d{2}|\d{8}|\d{2}[ .-]\d{3}[ .-]\d{3})(?![\p{L}\p{N}]|[.,\-/]\d)/gu;
const BSN_LABEL_RE = /(?:bsn|burgerservicenummer|burgerservice-nummer|sofinummer|sofi-nummer|sofi)\W{0,12}(?:\p{L}+\W+){0,3}$/u;

function findBsns(text: string, out: Cand[]): void {
  for (const m of text.matchAll(BSN_RE)) {
    const digits = m[0].replace(/\D/g, '');
    const labelled = BSN_LABEL_RE.test(before(text, m.index, 40));
    if (digits.length === 8 && !labelled) continue;
    if (digits.length === 8 && m[0].length !== 8) {
      // 8 digits with separators: only in the 2-3-3 shape after a label.
      if (!labelled) continue;
    }
    if (!isValidBsn(digits)) continue;
    if (!labelled && hasOtherIdLabel(text, m.index)) continue;
    const prev = before(text, m.index, 6);
    if (/(?:€|eur|euro)\s*$/.test(prev) || /^\s*(?:euro|eur|,-)/.test(after(text, m.index + m[0].length, 6)))
      continue;
    out.push(cand('BSN', text, m.index, m.index + m[0].length));
  }
}

// Phone numbers: find a run of digits and separators that starts like a phone number, then walk
// its digit groups until the count matches a Dutch (10 digits) or international number.
const PHONE_START_RE = /(?<![\p{L}\p{N}+\-./(,])(?:\+|00|\(0|0)/gu;
const PHONE_SERVICE_RE = /^0(?:800|900|906|909)/;

interface Group {
  digits: string;
  end: number; // offset just past the group in the text
}

function phoneGroups(text: string, start: number): Group[] {
  const groups: Group[] = [];
  let i = start;
  if (text[i] === '+') i++;
  let sepLen = 0;
  let cur = '';
  let curEnd = i;
  // Phone numbers are short: stop after 40 characters so long digit runs stay linear.
  const limit = Math.min(text.length, start + 40);
  for (; i < limit; i++) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') {
      if (cur === '' && groups.length > 0 && sepLen > 3) break;
      cur += ch;
      curEnd = i + 1;
      sepLen = 0;
      continue;
    }
    if (ch === ' ' || ch === '-' || ch === '.' || ch === '/' || ch === '(' || ch === ')' || ch === '\u00a0') {
      if (cur) {
        groups.push({ digits: cur, end: curEnd });
        cur = '';
      }
      sepLen++;
      if (sepLen > 3) break;
      // A full stop followed by a space ends a sentence, not a group.
      if (ch === '.' && (text[i + 1] === ' ' || text[i + 1] === undefined)) break;
      continue;
    }
    break;
  }
  if (cur) groups.push({ digits: cur, end: curEnd });
  return groups;
}

function findPhones(text: string, out: Cand[]): void {
  PHONE_START_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_START_RE.exec(text))) {
    const start = m.index;
    const groups = phoneGroups(text, start);
    if (groups.length === 0) continue;
    const intl = text[start] === '+' || text.startsWith('00', start);
    let end = -1;
    const all = groups.map((g) => g.digits).join('');
    if (intl) {
      const body = text[start] === '+' ? all : all.slice(2);
      // 00 followed by ten digits in total is more likely a Dutch number written with a leading 0.
      if (!(text[start] !== '+' && firstBoundary(groups, 10) >= 0 && !body.startsWith('31'))) {
        end = intlEnd(groups, text[start] === '+' ? 0 : 2);
      }
      if (end < 0 && text[start] !== '+') end = nationalEnd(groups);
    } else {
      end = nationalEnd(groups);
    }
    if (end < 0) continue;
    // A date such as 09/09/2020 or 01-02-03 is never a phone number.
    if (/^\(?\d{1,4}\)?[-/.]\d{1,2}[-/.]\d{2,4}$/.test(text.slice(start, end)) && !/^0[1-9]\d?-\d{6,8}$/.test(text.slice(start, end))) continue;
    if (hasOtherIdLabel(text, start)) continue;
    const prev = before(text, start, 4);
    if (/€\s*$/.test(prev)) continue;
    out.push(cand('TELEFOON', text, start, end));
    PHONE_START_RE.lastIndex = end;
  }
}

/** End offset of the first group boundary where exactly `n` digits have been seen, or -1. */
function firstBoundary(groups: Group[], n: number): number {
  let count = 0;
  for (const g of groups) {
    count += g.digits.length;
    if (count === n) return g.end;
    if (count > n) return -1;
  }
  return -1;
}

function nationalEnd(groups: Group[]): number {
  const all = groups.map((g) => g.digits).join('');
  if (!all.startsWith('0')) return -1;
  if (PHONE_SERVICE_RE.test(all) && (groups[0]!.digits.length === 4 || groups.length === 1)) {
    // 0800 and 0900 numbers: 8 or 11 digits.
    const e11 = firstBoundary(groups, 11);
    if (e11 >= 0) return e11;
    return firstBoundary(groups, 8);
  }
  return firstBoundary(groups, 10);
}

/** International numbers: +31 needs 9 national digits (10 with a written trunk 0); others 8 to 15 digits. */
function intlEnd(groups: Group[], skip: number): number {
  // Flatten into digits with the end offset of the group each digit belongs to.
  const digits: { d: string; groupEnd: number; last: boolean }[] = [];
  for (const g of groups) {
    for (let k = 0; k < g.digits.length; k++) digits.push({ d: g.digits[k]!, groupEnd: g.end, last: k === g.digits.length - 1 });
  }
  const body = digits.slice(skip);
  if (body.length < 8) return -1;
  const s = body.map((x) => x.d).join('');
  if (s.startsWith('31')) {
    let best = -1;
    for (let n = 2 + 9; n <= Math.min(body.length, 2 + 10); n++) {
      const x = body[n - 1]!;
      if (x.last) best = x.groupEnd;
    }
    return best;
  }
  let best = -1;
  for (let n = 8; n <= Math.min(body.length, 15); n++) {
    const x = body[n - 1]!;
    if (x.last) best = x.groupEnd;
  }
  return best;
}

const POSTCODE_RE = /(?<![\p{L}\p{N}\-./,€])([1-9]\d{3})( ?)([A-Za-z]{2})(?![\p{L}\p{N}])/gu;
const POSTCODE_UNITS = new Set(['mg', 'gr', 'kg', 'ml', 'cl', 'dl', 'km', 'cm', 'mm', 'kb', 'mb', 'gb', 'pk', 'kw', 'ie', 'st', 'ha', 'uu', 'xl', 'ct', 'gb']);

function findPostcodes(text: string, out: Cand[]): void {
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

function findKentekens(text: string, out: Cand[]): void {
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

// Dates.
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const FULL_MONTH_ALT = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MON = '(?:0?[1-9]|1[0-2])';
const DATE_DMY_RE = new RegExp(`(?<![\\p{L}\\p{N}.,/\\-])${DAY}([-/.])${MON}\\1(?:(?:19|20)\\d{2}|\\d{2})(?![\\p{N}]|[-/.]\\p{N})`, 'gu');
const DATE_YMD_RE = new RegExp(`(?<![\\p{L}\\p{N}.,/\\-])(?:19|20)\\d{2}([-/.])${MON}\\1${DAY}(?![\\p{N}]|[-/.]\\p{N})`, 'gu');
const DATE_WRITTEN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${DAY}(?:e|ste|de)?\\s+(?:${MONTH_ALT})(?:(\\.?\\s+(?:(?:19|20)\\d{2}|'\\d{2}))|(?![\\p{L}]))`,
  'giu',
);
const YEAR_RE = /(?<![\p{N}])(?:19|20)\d{2}(?![\p{N}])/gu;
/** A month name right before a year ("maart 2015"); applied to a short window before each year. */
const MONTH_BEFORE_YEAR_RE = new RegExp(
  `(?:${FULL_MONTH_ALT}|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?\\s+$`,
  'iu',
);
/** "op 12/3", "d.d. 5-6": a day and month without a year, only after these words. */
const DATE_SHORT_ANCHOR_RE = /(?<![\p{L}])(?:op|d\.d\.|dd|per|vanaf|datum:?)\s(?=\d)/giu;
const DATE_SHORT_RE = new RegExp(
  `${DAY}[-/]${MON}(?![\\p{N}]|[-/.]\\p{N})(?!\\s*(?:dagen|weken|maanden|jaar|uur|keer|x|procent|%|personen|kinderen|mensen|km|kilo))`,
  'iuy',
);
const BIRTH_BEFORE_RE = /(?:geboren(?:\s+(?:is|was|werd|zijn))?|geb\.?|geboortedatum|geb\.?\s?datum|gebdat|geboortedag|geboortejaar|d\.o\.b\.?|dob|°)\s*(?:op|in|:|d\.d\.|-|\()?\s*(?:de\s)?$/u;
const BIRTH_AFTER_RE = /^\s*(?:\)\s*)?(?:geboren|ter wereld gekomen)/u;
const BIRTH_YEAR_RE = /(?<![\p{L}])(?:geboren(?:\s+in)?|geb\.?|geboortejaar:?|bouwjaar-mens)\s*:?\s*\(?((?:19|20)\d{2})(?![\p{N}]|[-/.]\p{N})/giu;

function validDayMonth(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

function findDates(text: string, out: Cand[]): void {
  const found: Cand[] = [];
  for (const m of text.matchAll(DATE_DMY_RE)) found.push(cand('DATUM', text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(DATE_YMD_RE)) found.push(cand('DATUM', text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(DATE_WRITTEN_RE)) {
    let end = m.index + m[0].length;
    // "3 jan." without a year: keep the full stop out of the span.
    if (!m[1] && text[end - 1] === '.') end--;
    found.push(cand('DATUM', text, m.index, end));
  }
  for (const y of text.matchAll(YEAR_RE)) {
    const ws = Math.max(0, y.index - 14);
    const mm = MONTH_BEFORE_YEAR_RE.exec(text.slice(ws, y.index));
    if (!mm) continue;
    const start = ws + mm.index;
    // The month must start a word and must not follow a day number (that is a full date).
    if (/\p{L}/u.test(text[start - 1] ?? '') || /\p{N}\s?$/u.test(text.slice(Math.max(0, start - 2), start))) continue;
    found.push(cand('DATUM', text, start, y.index + y[0].length));
  }
  for (const a of text.matchAll(DATE_SHORT_ANCHOR_RE)) {
    DATE_SHORT_RE.lastIndex = a.index + a[0].length;
    const m = DATE_SHORT_RE.exec(text);
    if (!m) continue;
    const [d, mo] = m[0].split(/[-/]/).map(Number);
    if (validDayMonth(d!, mo!)) found.push(cand('DATUM', text, m.index, m.index + m[0].length, PRIORITY.DATUM - 1));
  }
  for (const c of found) {
    const pre = before(text, c.start, 40);
    if (BIRTH_BEFORE_RE.test(pre) || BIRTH_AFTER_RE.test(after(text, c.end, 30))) {
      c.type = 'GEBOORTEDATUM';
      c.prio = PRIORITY.GEBOORTEDATUM;
    }
    out.push(c);
  }
  for (const m of text.matchAll(BIRTH_YEAR_RE)) {
    const year = m[1]!;
    const s = m.index + m[0].lastIndexOf(year);
    out.push(cand('GEBOORTEDATUM', text, s, s + 4, PRIORITY.GEBOORTEDATUM - 1));
  }
}

// ---------------------------------------------------------------------------------------------
// Tokenizer for the context rules.

type Kind = 'word' | 'num' | 'init' | 'punct' | 'ph';

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: Kind;
  /** First letter is upper case. */
  cap: boolean;
  /** Two or more letters, all upper case. */
  caps: boolean;
  /** A line break sits between this token and the previous one. */
  nl: boolean;
  /** Single space or tab (or nothing) between this token and the previous one. */
  tight: boolean;
  /** A wide gap (several tabs or spaces): a new table cell in text copied from a PDF. */
  cell: boolean;
  sentStart: boolean;
  /** Directly after a colon ("Cliënt: Fatima"): capitals here are mostly names, not sentence starts. */
  colon: boolean;
  blocked: boolean;
  known: boolean;
}

const TOKEN_RE =
  /(\[[A-Z]+-\d+\])|(?<![\p{N}-])((?:\p{Lu}\.){1,6}|(?:Th|Ch|Chr|Ph|Joh|Jac|Wm|Corn|Hub|Fr|Gerh)\.)(?!\p{L})|(\p{L}[\p{L}\p{M}]*(?:(?:-|['’](?=\p{L}{2}))\p{L}[\p{L}\p{M}]*)*)|(\p{N}+)|(['’]t)(?!\p{L})|(\S)/gu;

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const s = m[0];
    const kind: Kind = m[1] ? 'ph' : m[2] ? 'init' : m[3] ? 'word' : m[4] ? 'num' : m[5] ? 'word' : 'punct';
    // Inspect the whitespace between the previous token and this one without copying it.
    let nl = false;
    let tabs = 0;
    let spaces = 0;
    for (let i = prevEnd; i < m.index; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) nl = true;
      else if (c === 9) tabs++;
      else spaces++;
    }
    const gapLen = m.index - prevEnd;
    const first = s[0]!;
    const isUpper = first !== first.toLowerCase() && first === first.toUpperCase();
    toks.push({
      text: s,
      lower: s.includes('’') ? s.toLowerCase().replace(/’/g, "'") : s.toLowerCase(),
      start: m.index,
      end: m.index + s.length,
      kind,
      cap: kind === 'word' && isUpper,
      caps: kind === 'word' && s.length >= 2 && s === s.toUpperCase() && s !== s.toLowerCase(),
      nl,
      tight: gapLen <= 1 && !nl,
      cell: !nl && ((tabs > 0 && gapLen > 1) || spaces >= 4),
      sentStart: false,
      colon: false,
      blocked: false,
      known: false,
    });
    prevEnd = m.index + s.length;
  }
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    t.sentStart = isSentenceStart(toks, k);
    const p = toks[k - 1];
    t.colon = !t.sentStart && !!p && p.text === ':' && !t.nl;
  }
  return toks;
}

function isSentenceStart(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (k === 0 || t.nl || t.cell) return true;
  let j = k - 1;
  // A quotation opens with a capital; brackets and closing quotes are looked through.
  if (toks[j]!.kind === 'punct' && /^["“„‘«]$/.test(toks[j]!.text) && toks[j]!.end === t.start) return true;
  while (j >= 0 && toks[j]!.kind === 'punct' && /^["“„‘'’”»«(\[*•]$/.test(toks[j]!.text)) {
    if (toks[j]!.nl || toks[j]!.cell || j === 0) return true;
    j--;
  }
  const p = toks[j]!;
  if (p.kind === 'punct' && /^[!?;]$/.test(p.text)) return true;
  if (p.kind === 'punct' && /^[-–—−•·▪*>]$/.test(p.text)) {
    // A bullet (possibly doubled, "−−") at the start of a line.
    let q = j;
    while (q > 0 && toks[q - 1]!.kind === 'punct' && /^[-–—−•·▪*>]$/.test(toks[q - 1]!.text) && !toks[q]!.nl) q--;
    if (q === 0 || toks[q]!.nl || toks[q]!.cell) return true;
  }
  if (p.kind === 'punct' && p.text === '.') {
    const q = toks[j - 1];
    if (q && q.kind === 'word' && ABBREVIATIONS.has(q.lower) && q.end === p.start) return false;
    return true;
  }
  return false;
}

/** Mark tokens that overlap an accepted structured entity or a placeholder. */
function blockTokens(toks: Tok[], spans: { start: number; end: number }[]): void {
  if (spans.length === 0) return;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let j = 0;
  for (const t of toks) {
    while (j < sorted.length && sorted[j]!.end <= t.start) j++;
    for (let q = j; q < sorted.length && sorted[q]!.start < t.end; q++) {
      if (sorted[q]!.end > t.start) {
        t.blocked = true;
        break;
      }
    }
  }
}

const STOP_PHRASE_FIRST = new Set([...STOP_PHRASE_SET].map((p) => p.split(' ')[0]!));

function blockStopPhrases(toks: Tok[]): void {
  for (let k = 0; k < toks.length; k++) {
    if (toks[k]!.kind !== 'word' || !STOP_PHRASE_FIRST.has(toks[k]!.lower)) continue;
    // "Den Bosch" is a city, but "van den Bosch" a surname.
    if (PARTICLE_SET.has(toks[k]!.lower) && k > 0 && toks[k - 1]!.lower === 'van') continue;
    let phrase = toks[k]!.lower;
    for (let n = 2; n <= STOP_PHRASE_MAX && k + n - 1 < toks.length; n++) {
      const t = toks[k + n - 1]!;
      if (t.kind !== 'word') break;
      phrase += ' ' + t.lower;
      if (STOP_PHRASE_SET.has(phrase) || STOP_PHRASE_SET.has(fold(phrase))) {
        for (let q = k; q < k + n; q++) toks[q]!.blocked = true;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses.

const STREET_SUFFIX_SET = new Set(STREET_SUFFIX_LIST);
const STREET_SUFFIX_LENGTHS = [...new Set(STREET_SUFFIX_LIST.map((s) => s.length))].sort((a, b) => b - a);

/** The street ending of a word ("kerkstraat" → "straat"), longest ending first; null if none. */
function streetSuffixOf(lower: string): string | null {
  for (const len of STREET_SUFFIX_LENGTHS) {
    if (lower.length < len + 3) continue;
    const tail = lower.slice(lower.length - len);
    if (STREET_SUFFIX_SET.has(tail)) return tail;
  }
  return null;
}

/** A capitalised word that looks like a street name ("Kerkstraat", "Van-Limburg-Stirumplein"). */
function isStreetWord(t: Tok): boolean {
  if (t.kind !== 'word' || !t.cap || t.blocked) return false;
  if (PLACE_SET.has(t.lower)) return false;
  return streetSuffixOf(t.lower) !== null || STREET_HEAD_SET.has(t.lower);
}

const UNIT_AFTER_NUMBER = new Set(
  'jaar jaren maand maanden week weken dag dagen keer uur uren minuten min km kilometer meter m euro eur procent % kinderen personen mensen x stuks kilo kg'.split(' '),
);
const HOUSE_SUFFIX_WORDS = new Set(['hs', 'bis', 'bg', 'huis', 'boven', 'beneden', 'zw', 'rd', 'hg', 'a', 'b', 'c', 'd', 'e', 'f']);
const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi']);

/** Parse a house number starting at token k; returns the index of the last token used, or -1. */
function houseNumber(toks: Tok[], k: number, yearOk = false): number {
  let t = toks[k];
  // Optional "nr." / "nummer" before the digits.
  if (t && t.kind === 'word' && (t.lower === 'nr' || t.lower === 'nummer')) {
    k++;
    if (toks[k]?.text === '.') k++;
    t = toks[k];
  }
  if (!t || t.kind !== 'num' || t.text.length > 5 || !t.tight || t.blocked) return -1;
  if (Number(t.text) === 0) return -1;
  // "Oldenhof 2015" in a citation: a year, not a house number.
  if (/^(?:19|20)\d{2}$/.test(t.text) && !yearOk) return -1;
  let last = k;
  const next = toks[k + 1];
  // "12,50" or "12.5" are amounts, "12:30" a time.
  if (next && next.start === t.end && /^[,.:]$/.test(next.text) && toks[k + 2]?.kind === 'num' && toks[k + 2]!.start === next.end)
    return -1;
  if (next && next.tight && next.kind === 'word' && UNIT_AFTER_NUMBER.has(next.lower)) return -1;
  if (next && next.kind === 'punct' && next.text === '%') return -1;
  // Letter or word suffix glued or after a space: 12a, 12 A, 12hs, 12 bis.
  let n = toks[last + 1];
  if (n && n.kind === 'word' && n.start === toks[last]!.end && (n.text.length === 1 || HOUSE_SUFFIX_WORDS.has(n.lower))) {
    last++;
  } else if (
    n &&
    n.kind === 'word' &&
    n.tight &&
    ((n.text.length === 1 && /[A-Za-z]/.test(n.text) && n.text !== 'a' && n.text !== 'e') ||
      (HOUSE_SUFFIX_WORDS.has(n.lower) && n.text.length > 1) ||
      (ROMAN.has(n.lower) && n.text === n.text.toUpperCase()))
  ) {
    last++;
  }
  // Dash forms: 4-II, 12-14, 3-a, 7-hs.
  n = toks[last + 1];
  const n2 = toks[last + 2];
  if (n && n.text === '-' && n.start === toks[last]!.end && n2 && n2.start === n.end) {
    if (n2.kind === 'num' && n2.text.length <= 4) last += 2;
    else if (n2.kind === 'word' && (ROMAN.has(n2.lower) || HOUSE_SUFFIX_WORDS.has(n2.lower) || n2.text.length === 1)) last += 2;
  }
  // "3 hoog", "2 hoog achter".
  n = toks[last + 1];
  if (n && n.kind === 'num' && n.tight && n.text.length <= 2 && toks[last + 2]?.lower === 'hoog' && toks[last + 2]!.tight) {
    last += 2;
    const a = toks[last + 1];
    if (a && a.tight && (a.lower === 'achter' || a.lower === 'voor')) last++;
  }
  return last;
}

const TV_FOR_STREET = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'ter', 'ten', 'la', 'le']);
const RESIDENCE_WORDS = new Set(
  'woont woonde wonen woonachtig adres adresgegevens verhuisd verhuist verhuizen ingeschreven huisadres bezoekadres postadres woonadres'.split(' '),
);

function findAddresses(text: string, toks: Tok[], out: Cand[]): void {
  const used = new Set<number>();
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.blocked || used.has(k)) continue;
    let streetStart = -1;
    let numberAt = -1;
    if (t.kind === 'word' && t.cap && t.lower === 'postbus') {
      const last = houseNumber(toks, k + 1, true);
      if (last >= 0) {
        out.push(cand('ADRES', text, t.start, toks[last]!.end));
        k = last;
      }
      continue;
    }
    if (isStreetWord(t)) {
      if (STREET_HEAD_SET.has(t.lower)) {
        // "Laan van Meerdervoort 112": head, particles, capitalised words, number.
        let j = k + 1;
        while (j < toks.length && toks[j]!.tight && toks[j]!.kind === 'word' && TV_FOR_STREET.has(toks[j]!.lower)) j++;
        let caps = 0;
        while (j < toks.length && toks[j]!.tight && toks[j]!.kind === 'word' && toks[j]!.cap && caps < 3) {
          j++;
          caps++;
        }
        if (caps > 0 || j === k + 1) numberAt = j;
      } else {
        numberAt = k + 1;
        // Abbreviated ending with a full stop: "Kerkstr. 12".
        if (toks[k + 1]?.text === '.' && toks[k + 1]!.start === t.end && toks[k + 2]?.kind === 'num') numberAt = k + 2;
      }
      streetStart = k;
    }
    if (streetStart < 0) continue;
    const last = houseNumber(toks, numberAt);
    if (last < 0) continue;
    // Extend to the left over capitalised words and particles belonging to the street name
    // ("Jan van Goyenkade", "Burgemeester de Withstraat", "Van der Helststraat").
    let s = streetStart;
    for (let steps = 0; steps < 5; steps++) {
      const p = toks[s - 1];
      if (!p || !toks[s]!.tight || toks[s]!.nl || p.blocked || p.kind !== 'word') break;
      if (TV_FOR_STREET.has(p.lower)) {
        s--;
        continue;
      }
      if (p.cap && (STREET_PREFIX_SET.has(p.lower) || (!isStop(p.lower) && !PLACE_PREP_SET.has(p.lower) && !TITLE_SET.has(p.lower)))) {
        if (p.sentStart && !STREET_PREFIX_SET.has(p.lower) && !isLexName(p.lower)) break;
        s--;
        continue;
      }
      break;
    }
    // The left edge must be a capital: drop leading lowercase particles ("aan de Kerkstraat"), and
    // a capital "De"/"Het" that only starts the sentence.
    while (s < streetStart && TV_FOR_STREET.has(toks[s]!.lower) && (!toks[s]!.cap || (toks[s]!.sentStart && toks[s]!.lower !== 'van'))) s++;
    if (s === streetStart) {
      // Streets named after a surname keep its particles ("van de Veendijk", "de Bruijnlaan");
      // otherwise the word before is an article or a preposition ("aan de Kerkstraat").
      const first = toks[s]!;
      const suf = streetSuffixOf(first.lower);
      const stem = suf ? fold(first.lower.slice(0, first.lower.length - suf.length)) : '';
      if (stem) {
        let s2 = s;
        while (s2 > 0 && s - s2 < 3 && TV_FOR_STREET.has(toks[s2 - 1]!.lower) && toks[s2]!.tight && !toks[s2 - 1]!.cap) s2--;
        const seq = toks.slice(s2, s).map((x) => x.lower).join(' ');
        let m: RegExpExecArray | null = null;
        if (VAN_CORE_SET.has(stem)) m = /(?:^|\s)(van(?: de| der| den| het| 't)?)$/.exec(seq);
        if (!m && DE_CORE_SET.has(stem)) m = /(?:^|\s)(de|den|der)$/.exec(seq);
        if (m) s = s - m[1]!.split(' ').length;
      }
    }
    out.push(cand('ADRES', text, toks[s]!.start, toks[last]!.end));
    for (let q = s; q <= last; q++) used.add(q);
    k = last;
  }
  // Context: "woont op Damrak 12", "adres: Overtoom 20" for streets without a known ending.
  for (let k = 0; k < toks.length; k++) {
    if (!RESIDENCE_WORDS.has(toks[k]!.lower)) continue;
    let j = k + 1;
    if (toks[j] && (toks[j]!.lower === 'op' || toks[j]!.lower === 'aan' || toks[j]!.lower === 'naar' || toks[j]!.text === ':')) j++;
    if (toks[j] && (toks[j]!.lower === 'de' || toks[j]!.lower === 'het')) j++;
    const s = j;
    let caps = 0;
    while (toks[j] && toks[j]!.kind === 'word' && toks[j]!.cap && !toks[j]!.blocked && caps < 3) {
      j++;
      caps++;
    }
    if (caps === 0 || used.has(s)) continue;
    const last = houseNumber(toks, j, true);
    if (last < 0) continue;
    out.push(cand('ADRES', text, toks[s]!.start, toks[last]!.end));
  }
}

// ---------------------------------------------------------------------------------------------
// Person names.

const PRONOUNS = new Set('u ik jij je hij zij wij we jullie ze het de een dit dat deze die wat wie waar hoe waarom wanneer welke en of'.split(' '));
/** Before an unknown capitalised word these point to an organisation or a shop: "bij Lidl", "via Cordaan". */
const ORG_PREPS = new Set(['bij', 'via', 'vanuit', 'namens']);
const DETERMINERS = new Set('de het een deze dit ons onze jullie hun mijn jouw uw elke ieder iedere geen welke'.split(' '));
/** Verbs that, right after an unknown capitalised word at the start of a sentence, mark it as a person. */
const SUBJECT_VERBS = new Set(
  'belde belt mailde mailt appte appt vertelde vertelt zei zegt woont woonde vroeg vraagt kwam komt wilde vindt vond heeft had huilde huilt lachte schreef stuurde meldde liet reageerde verhuisde verhuist weigert weigerde'.split(' '),
);
/** Endings of Dutch common nouns; a capitalised word with one of these is not taken as an unknown name. */
const NOUN_ENDING_RE = /(?:isch|ische|aanse|aans|eese|ense|aase|kse|olse|anse|itse|iase|ese|lijk|lijke|ers|aars|isten|anten|enten|nals|ingen|management|beleid|onderzoek|ing|heid|schap|teit|isme|atie|tie|sie|loket|centrum|huis|team|zorg|wet|dienst|bank|fonds|raad|plan|school|kerk|werk|hulp|kantoor|overleg|gesprek|melding|regeling|toeslag|uitkering|verzekeraar|corporatie|instelling|organisatie|stichting|vereniging|gemeente|afdeling|woning|buurt|wijk|stad|dorp|land|straat|laan|weg|plein|gracht|kade|park|markt|dijk|haven|station|ziekenhuis|kliniek|praktijk)$/;
const TOPO_RE = /(?:dijk|berg|veen|horst|hoven|burg|dam|wijk|hout|beek|broek|donk|veld|velde|meer|laar|loo|rode|oord|huizen|hof|kamp|sloot|ingen|rijk|stein|steijn|waarde|weerd|ven|heuvel|hoek|linden|leeuwen)$/;

function isParticle(t: Tok | undefined): boolean {
  return !!t && t.kind === 'word' && (PARTICLE_SET.has(t.lower) || t.lower === "'t");
}

/** A word that may be part of a name: capitalised, not a stop word, not shouting unless a known name. */
function nameable(t: Tok | undefined): boolean {
  if (!t || t.blocked || t.kind !== 'word') return false;
  if (t.known) return true;
  if (!t.cap) return false;
  if (STOP_SET.has(t.lower) && !CAP_PARTICLE_SET.has(t.lower)) return false;
  if (FUNCTION_SET.has(t.lower)) return false;
  if (TITLE_SET.has(t.lower)) return false;
  if (t.caps && t.text.length > 1 && !isLexName(t.lower)) return false;
  // Compounds like "Wmo-aanvraag" or "Teams-bericht" are things, not people.
  const dash = t.lower.indexOf('-');
  if (dash > 0) {
    const parts = t.text.split('-');
    if (STOP_SET.has(parts[0]!.toLowerCase())) return false;
    if (parts.slice(1).some((p) => p && p[0] === p[0]!.toLowerCase() && !PARTICLE_SET.has(p.toLowerCase()))) return false;
  }
  return true;
}

/** A street word directly followed by a house number is an address, not a name part. */
function looksLikeStreet(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  return streetSuffixOf(t.lower) !== null && toks[k + 1]?.kind === 'num';
}

interface Run {
  s: number; // first token
  e: number; // last token
}

/**
 * Collect a name starting at token k: initials, capitalised words, particle chains that lead to a
 * capitalised word, and a trailing jr./sr. After a form of address (`afterTitle`) lowercase words
 * from the name lists and capitalised words from the stop list are accepted too ("mw jansen", "dhr. West").
 */
function parseName(toks: Tok[], k: number, afterTitle: boolean): Run | null {
  let i = k;
  let last = -1;
  let count = 0;
  while (i < toks.length && count < 7) {
    const t = toks[i]!;
    if (t.blocked && !t.known) break;
    if (i > k && (!t.tight || t.nl)) break;
    if (t.kind === 'init') {
      last = i;
      i++;
      count++;
      continue;
    }
    if (t.kind !== 'word') break;
    // "jr." / "sr." close the name; they are added below.
    if (count > 0 && SUFFIX_SET.has(t.lower)) break;
    if (isParticle(t) && !(t.cap && !CAP_PARTICLE_SET.has(t.lower) && isLexName(t.lower))) {
      // A particle chain counts only when it ends in a capitalised (or, after a title, known) word.
      let j = i;
      while (j < toks.length && isParticle(toks[j]) && j - i < 3 && (j === i || toks[j]!.tight)) j++;
      const core = toks[j];
      const okCore =
        !!core &&
        core.tight &&
        !core.nl &&
        (nameable(core) || (afterTitle && core.kind === 'word' && isSur(core.lower))) &&
        !looksLikeStreet(toks, j) &&
        !(PLACE_SET.has(core.lower) && !isSur(core.lower));
      // "in", "op", "te" are particles only in fixed combinations ("in 't Veld", "op de Beek").
      const chain = toks.slice(i, j).map((x) => x.lower);
      const weakHead = t.lower === 'in' || t.lower === 'op' || t.lower === 'te';
      const okChain = !weakHead || (chain.length >= 2 && (chain[1] === "'t" || chain[1] === 'de' || chain[1] === 'den') && i > k);
      if (okCore && okChain) {
        count += j - i + 1;
        last = j;
        i = j + 1;
        continue;
      }
      break;
    }
    if (nameable(t) && !looksLikeStreet(toks, i)) {
      last = i;
      i++;
      count++;
      continue;
    }
    if (afterTitle && count === 0 && !PRONOUNS.has(t.lower) && !FUNCTION_SET.has(t.lower) && !t.blocked) {
      if (t.cap || (isLexName(t.lower) && !STOP_SET.has(t.lower))) {
        last = i;
        i++;
        count++;
        continue;
      }
    }
    if (afterTitle && count > 0 && toks[last]!.kind === 'word' && isSur(t.lower) && !STOP_SET.has(t.lower) && !FUNCTION_SET.has(t.lower) && !VERB_SET.has(t.lower)) {
      last = i;
      i++;
      count++;
      continue;
    }
    break;
  }
  if (last < 0) return null;
  // Initials alone are no name ("A." at the end of a sentence).
  if (toks[last]!.kind === 'init' && !toks.slice(k, last + 1).some((x) => x.kind === 'word')) return null;
  // Trailing "jr." / "sr.".
  const suf = toks[last + 1];
  if (suf && suf.tight && suf.kind === 'word' && SUFFIX_SET.has(suf.lower)) {
    last++;
    if (toks[last + 1]?.text === '.' && toks[last + 1]!.start === toks[last]!.end) last++;
  }
  return { s: k, e: last };
}

/** Title at token k ("mevrouw", "dhr.", "de heer"); returns the index after it, or -1. */
function titleEnd(toks: Tok[], k: number): number {
  const t = toks[k]!;
  if (t.kind !== 'word' || !TITLE_SET.has(t.lower)) return -1;
  // "heer" counts only in "de heer".
  if (t.lower === 'heer' && toks[k - 1]?.lower !== 'de') return -1;
  let j = k + 1;
  if (toks[j]?.text === '.' && toks[j]!.start === t.end) j++;
  // Chains like "mevrouw dr." or "dhr. mr.".
  if (toks[j] && toks[j]!.kind === 'word' && TITLE_SET.has(toks[j]!.lower) && toks[j]!.lower !== 'heer') return titleEnd(toks, j);
  return j;
}

interface Evidence {
  first: boolean;
  sur: boolean;
  particleShape: boolean;
  words: number;
}

function runEvidence(toks: Tok[], r: Run): Evidence {
  const ev: Evidence = { first: false, sur: false, particleShape: false, words: 0 };
  for (let q = r.s; q <= r.e; q++) {
    const t = toks[q]!;
    if (t.kind !== 'word') continue;
    if (isParticle(t) && !(t.cap && isLexName(t.lower) && !CAP_PARTICLE_SET.has(t.lower))) {
      if (q > r.s) ev.particleShape = true;
      continue;
    }
    if (SUFFIX_SET.has(t.lower)) continue;
    ev.words++;
    if (t.known) {
      ev.first = true;
      ev.sur = true;
    }
    if (isFirst(t.lower)) ev.first = true;
    if (isSur(t.lower)) ev.sur = true;
  }
  return ev;
}

/** The run is followed by a word that makes it an organisation ("Emma Kinderziekenhuis"). */
function orgTail(toks: Tok[], r: Run): boolean {
  const n = toks[r.e + 1];
  return !!n && n.tight && n.kind === 'word' && ORG_TAIL_SET.has(n.lower) && (n.cap || n.lower.endsWith('ziekenhuis'));
}

/** A capitalised word we know nothing about, in a position where Dutch capitalises only proper names. */
function unknownCapOk(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (t.kind !== 'word' || !t.cap || t.caps || t.text.length < 2 || !nameable(t)) return false;
  if (t.sentStart) return false;
  const lower = t.lower;
  if (PLACE_SET.has(lower) || ROLE_SET.has(lower) || AGE_NOUN_SET.has(lower) || TITLE_SET.has(lower) || VERB_SET.has(lower)) return false;
  if (NOUN_ENDING_RE.test(lower) || streetSuffixOf(lower) !== null) return false;
  const p = toks[k - 1];
  if (p) {
    if (p.kind === 'word' && (PLACE_PREP_SET.has(p.lower) || DETERMINERS.has(p.lower) || ORG_PREPS.has(p.lower))) return false;
    // Next to a capitalised stop word it is part of an organisation ("Sociaal Domein").
    if (p.kind === 'word' && p.cap && !p.sentStart && STOP_SET.has(p.lower)) return false;
    // Right after a postcode or an address: a place name.
    if (p.blocked) return false;
    if (p.text === ',' && toks[k - 2]?.blocked) return false;
    if (p.kind === 'num') return false;
  }
  const n = toks[k + 1];
  if (n && n.kind === 'word' && n.cap && n.tight && STOP_SET.has(n.lower) && !CAP_PARTICLE_SET.has(n.lower)) return false;
  // "Bijlage 3", "Respondent 12", "Groep 7": a label with a number.
  if (n && n.kind === 'num' && n.tight) return false;
  if (p && p.text === '&') return false;
  return true;
}

function findPersons(text: string, toks: Tok[], out: Cand[]): void {
  const consumed = new Uint8Array(toks.length);
  const push = (r: Run, prio = PRIORITY.PERSOON) => {
    for (let q = r.s; q <= r.e; q++) consumed[q] = 1;
    out.push(cand('PERSOON', text, toks[r.s]!.start, toks[r.e]!.end, prio));
  };

  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (consumed[k] || (t.blocked && !t.known)) continue;

    // 1. Form of address: the name follows it.
    const te = titleEnd(toks, k);
    if (te > 0) {
      const first = toks[te];
      if (first && first.tight && !first.nl) {
        const r = parseName(toks, te, true);
        if (r && !orgTail(toks, r)) {
          push(r);
          k = r.e;
        }
      }
      continue;
    }

    // 2. Relation or role word, then a capitalised word: "moeder Fatima", "haar vriend Kees".
    if (t.kind === 'word' && ROLE_SET.has(t.lower)) {
      const n = toks[k + 1];
      if (n && n.tight && !n.nl && nameable(n) && titleEnd(toks, k + 1) < 0 && !isParticleStart(n)) {
        const r = parseName(toks, k + 1, false);
        if (r && !orgTail(toks, r) && !(r.s === r.e && PLACE_SET.has(toks[r.s]!.lower))) {
          push(r);
          k = r.e;
          continue;
        }
      }
    }

    // 3. Naming verbs: "heet Kees", "genaamd Roos", "naam is Daan".
    if (t.kind === 'word' && NAMING_SET.has(t.lower)) {
      let j = k + 1;
      while (toks[j] && (toks[j]!.lower === 'is' || toks[j]!.lower === 'was' || /^[:"'“‘]$/.test(toks[j]!.text))) j++;
      const n = toks[j];
      if (n && !n.nl && (nameable(n) || (n.kind === 'word' && isLexName(n.lower) && !STOP_SET.has(n.lower)))) {
        const r = parseName(toks, j, true);
        if (r) {
          push(r);
          k = r.e;
          continue;
        }
      }
    }

    // 4. Known names registered by the team, and initials ("J.P. de Vries").
    if (t.known || t.kind === 'init') {
      const r = parseName(toks, k, t.known);
      if (r && (t.known || (r.e > k && toks[r.e]!.kind === 'word'))) {
        const ext = t.known ? extendLeft(toks, r, consumed, true) : r;
        push(ext, t.known ? PRIORITY.GEBOORTEDATUM - 1 : PRIORITY.PERSOON);
        k = ext.e;
        continue;
      }
    }

    // 5. Capitalised words from the name lists, a particle before a surname, or an unknown
    //    capitalised word where Dutch only capitalises proper names.
    if (t.kind !== 'word') continue;
    const particleStart = isParticleStart(t);
    const lexical = t.cap && nameable(t) && isLexName(t.lower);
    const unknown = !particleStart && !lexical && unknownCapOk(toks, k);
    const sentUnknown = !particleStart && !lexical && !unknown && sentenceStartUnknownOk(toks, k);
    if (!particleStart && !lexical && !unknown && !sentUnknown) continue;

    if (particleStart) {
      let j = k;
      while (isParticle(toks[j]) && j - k < 3) j++;
      const core = toks[j];
      if (!core || core.kind !== 'word') continue;
      const coreFold = fold(core.lower);
      const lastParticle = toks[j - 1]!.lower;
      if (!t.cap) {
        if (t.lower === 'van') {
          // Lowercase "van" before a surname that never takes it is a possessive: "de zoon van Jansen".
          if (!(VAN_CORE_SET.has(coreFold) || TOPO_RE.test(coreFold))) continue;
          const p = toks[k - 1];
          if (p && p.kind === 'word' && (ROLE_SET.has(p.lower) || AGE_NOUN_SET.has(p.lower)) && !isSur(core.lower)) continue;
        } else if (isFirst(core.lower) && !isSur(core.lower)) continue;
      }
      if ((lastParticle === 'de' || lastParticle === 'den') && PLACE_SET.has(core.lower) && !t.cap) continue;
      // "in de Wijk", "op de Berg": an article before a landscape word, not a surname.
      if (!t.cap && t.lower !== 'van' && VAN_CORE_SET.has(coreFold) && !DE_CORE_SET.has(coreFold) && j === k + 1) continue;
    }

    const r = parseName(toks, k, false);
    if (!r) continue;
    if (orgTail(toks, r)) {
      k = r.e;
      continue;
    }
    const ev = runEvidence(toks, r);
    const head = toks[r.s]!;
    const prev = toks[r.s - 1];
    const atStart = head.sentStart || head.colon;
    const afterPlacePrep = !!prev && prev.kind === 'word' && PLACE_PREP_SET.has(prev.lower) && !head.sentStart;
    const afterStructured = !!prev && (prev.blocked || (prev.text === ',' && !!toks[r.s - 2]?.blocked));
    const nextTok = toks[r.e + 1];
    const nextIsVerb = !!nextTok && nextTok.kind === 'word' && VERB_SET.has(nextTok.lower);
    const nextIsAge = nextTok?.text === '(' && toks[r.e + 2]?.kind === 'num' && toks[r.e + 3]?.text === ')';
    let ok = false;
    if (particleStart) {
      // "de Boer", "van Dijk", "El Amrani": a known surname, or a longer run with a first name.
      ok = ev.sur || (ev.words >= 2 && ev.first) || (!t.cap && VAN_CORE_SET.has(fold(toks[r.e]!.lower)));
      if (head.sentStart && !head.cap) ok = false;
    } else if (ev.words === 1) {
      const lower = head.lower;
      if (atStart && !lexical) {
        ok = sentUnknown || (head.colon && unknown);
      } else if (atStart) {
        if (AMBIG_SET.has(lower) || AMBIG_SET.has(fold(lower))) ok = (nextIsVerb || nextIsAge) && !VERY_COMMON_SET.has(lower);
        else if (isFirst(lower)) ok = true;
        else ok = nextIsVerb || nextIsAge;
      } else if (lexical) {
        ok = !afterPlacePrep || (isFirst(lower) && !PLACE_SET.has(lower));
        if (PLACE_SET.has(lower) && !isFirst(lower)) ok = false;
        if (afterStructured && !isFirst(lower)) ok = false;
        // "de Wijk", "het Veld" after the particle rule said no: an article and a noun.
        if (prev && prev.kind === 'word' && DETERMINERS.has(prev.lower) && !isFirst(lower)) ok = false;
      } else {
        ok = unknown;
      }
    } else {
      // Two or more name words. At a sentence start the first word may be an ordinary word with a
      // capital; keep it only when the rest still makes a name.
      if (head.sentStart && !isLexName(head.lower)) {
        const nxt = toks[r.s + 1]!;
        const ev2 = runEvidence(toks, { s: r.s + 1, e: r.e });
        if (isParticle(nxt) || isSur(nxt.lower)) ok = ev2.sur || ev2.particleShape;
        else {
          r.s = r.s + 1;
          ok = ev2.first || ev2.sur || (ev2.words >= 2 && unknownCapOk(toks, r.s));
        }
      } else if (head.sentStart && (AMBIG_SET.has(head.lower) || VERY_COMMON_SET.has(head.lower))) {
        // "Hoop Jansen" is rare; require the second word to be a known name.
        ok = ev.sur || isFirst(toks[r.s + 1]!.lower);
      } else {
        // Two capitalised words that are in no name list are more often an organisation
        // ("Eigen Kracht", "Zorggroep Almere") than a person.
        ok = ev.first || ev.sur || ev.particleShape;
        if (afterPlacePrep && !ev.first) ok = false;
        if (afterStructured && !ev.first && !ev.sur) ok = false;
      }
    }
    if (ok && !ev.first && !ev.sur && !ev.particleShape) {
      // Nothing known about any of the words: each must still look like a name, not like a noun
      // ("Bureau Jeugdzorg", "Maatschappelijk Werk").
      for (let q = r.s; q <= r.e; q++) {
        const w = toks[q]!;
        if (w.kind === 'word' && !isParticle(w) && (NOUN_ENDING_RE.test(w.lower) || STOP_SET.has(w.lower))) ok = false;
      }
    }
    if (!ok) continue;
    const ext = extendLeft(toks, r, consumed, ev.sur && !ev.first);
    push(ext);
    k = r.e;
  }
}

/** An unknown capitalised word opening a sentence, followed by a verb typical for a person. */
function sentenceStartUnknownOk(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (!t.sentStart || t.kind !== 'word' || !t.cap || t.caps || t.text.length < 3 || !nameable(t)) return false;
  const lower = t.lower;
  if (PLACE_SET.has(lower) || ROLE_SET.has(lower) || AGE_NOUN_SET.has(lower) || PRONOUNS.has(lower) || NOUN_ENDING_RE.test(lower)) return false;
  const n = toks[k + 1];
  return !!n && n.tight && n.kind === 'word' && SUBJECT_VERBS.has(n.lower);
}

/** Particle that begins a surname: lowercase "van"/"de"/..., or capitalised "Van", "De", "El". */
function isParticleStart(t: Tok): boolean {
  if (t.kind !== 'word') return false;
  if (t.cap) return CAP_PARTICLE_SET.has(t.lower);
  return PARTICLE_SET.has(t.lower) && !['in', 'op', 'te', 'het', 'la', 'le', 'da', 'di', 'du', 'ou', 'al', 'el', 'bin', 'ben', 'ibn', 'bou', 'abu', 'abou', 'ait', 'aït'].includes(t.lower);
}

/**
 * Take in an unknown first name right before a surname: "Jazzlynn de Bruyn", "Lotte Hazes".
 * `surnameRun` allows this even at the start of a sentence.
 */
function extendLeft(toks: Tok[], r: Run, consumed: Uint8Array, surnameRun: boolean): Run {
  let s = r.s;
  for (let steps = 0; steps < 2; steps++) {
    const p = toks[s - 1];
    const cur = toks[s]!;
    if (!p || consumed[s - 1] || !cur.tight || cur.nl) break;
    if (p.kind === 'init') {
      s--;
      continue;
    }
    if (!nameable(p) || isParticle(p)) break;
    if (p.sentStart && !isLexName(p.lower) && !p.known) {
      const particleNext = steps === 0 && isParticle(cur) && !cur.cap;
      if (!(surnameRun || particleNext) || NOUN_ENDING_RE.test(p.lower) || ROLE_SET.has(p.lower) || AGE_NOUN_SET.has(p.lower)) break;
    }
    if (PLACE_SET.has(p.lower) && !isLexName(p.lower)) break;
    const pp = toks[s - 2];
    if (pp && pp.kind === 'word' && (PLACE_PREP_SET.has(pp.lower) || DETERMINERS.has(pp.lower)) && !isLexName(p.lower)) break;
    if (pp && pp.blocked && !isLexName(p.lower)) break;
    s--;
  }
  return { s, e: r.e };
}

// ---------------------------------------------------------------------------------------------
// Ages.

const NUM_WORD =
  '(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën))?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|honderd';
/** The number before "jarig": digits ("72-jarige", "72 jarige") or a written numeral ("zeventigjarige"). */
const JARIG_NUMBER_RE = new RegExp(`(?:(\\d{1,3})\\s?-?\\s?|(${NUM_WORD}))$`, 'iu');
const JARIG_RE = /jarige?n?(?![\p{L}])/giu;
const JARIG_NOT_AGE = new Set(
  'opleiding opleidingen contract periode relatie huwelijk jubileum traject termijn samenwerking dienstverband bestaan garantie studie cursus looptijd project programma plan pilot'.split(' '),
);
const AGE_YEARS_RE = /(?<![\p{L}\p{N}.,])(\d{1,3})\s?(?:jaar|jr|jaren)(?![\p{L}])/giu;
const AGE_SUBJECT_RE = /(?<![\p{L}])(?:die|ze|hij|zij)\s+(\d{1,3})\s+(?:is|wordt|werd|was)(?![\p{L}])/giu;
const AGE_ORDINAL_RE = /(?<![\p{L}])op\s+(?:zijn|haar|z'n|d'r|hun)\s+(\d{1,2})(?:e|de|ste)(?![\p{L}])/giu;
const JAAR_OUD_RE = /jaar(?=\s+oud)/giu;
const WRITTEN_NUMBER_BEFORE_RE = new RegExp(`(${NUM_WORD})\\s+$`, 'iu');
const AGE_PAREN_RE = /\(\s*(?:(\d{1,3})(\s?(?:jaar|jr\.?|j\.?))?|[mvMV]\s*[,/;]\s*(\d{1,3})|(\d{1,3})\s*[,/;]\s*[mvMV])\s*\)/gu;
const AGE_POS_BEFORE = new Set(['is', 'was', 'wordt', 'werd', 'ben', 'bent', 'word', 'leeftijd', 'pas', 'net', 'inmiddels', 'nu']);

function findAges(text: string, toks: Tok[], persons: Cand[], out: Cand[]): void {
  /** The n-th word before `pos` (1 = nearest), with its start offset. */
  const wordBeforeAt = (pos: number, n = 1): { w: string; raw: string; start: number } => {
    const from = Math.max(0, pos - 80);
    const ws = [...text.slice(from, pos).matchAll(/[\p{L}\p{N}'-]+/gu)];
    const m = ws[ws.length - n];
    return m ? { w: m[0].toLowerCase(), raw: m[0], start: from + m.index } : { w: '', raw: '', start: -1 };
  };
  const wordBefore = (pos: number, n = 1): string => wordBeforeAt(pos, n).w;
  const wordAfter = (pos: number): string => {
    const m = after(text, pos, 40).match(/^\W*?([\p{L}\p{N}-]+)/u);
    return m ? m[1]!.toLowerCase() : '';
  };
  const personEnds = new Set(persons.map((p) => p.end));
  /** A person name ends at `pos`, give or take spaces and a comma. */
  const personEndsAt = (pos: number): boolean => {
    if (pos < 0) return false;
    let i = pos;
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === ',' || text[i - 1] === '\t')) i--;
    return personEnds.has(i);
  };

  for (const j of text.matchAll(JARIG_RE)) {
    const ws = Math.max(0, j.index - 30);
    const m = JARIG_NUMBER_RE.exec(text.slice(ws, j.index));
    if (!m) continue;
    const start = ws + m.index;
    if (/[\p{L}\p{N}.,]/u.test(text[start - 1] ?? '')) continue;
    if (m[1] && Number(m[1]) > 120) continue;
    const end = j.index + j[0].length;
    if (JARIG_NOT_AGE.has(wordAfter(end))) continue;
    out.push(cand('LEEFTIJD', text, start, end));
  }
  for (const m of text.matchAll(AGE_YEARS_RE)) {
    const n = Number(m[1]);
    if (n < 1 || n > 120) continue;
    const end = m.index + m[0].length;
    const next = wordAfter(end);
    const prev = wordBefore(m.index);
    const prev2 = wordBefore(m.index, 2);
    const tail = after(text, end, 3);
    // "zijn 35 jaar en 71 jaar oud": the first age borrows the "oud" of the second.
    const coordinated = /^\s+(?:en|of)\s+\d{1,3}\s?(?:jaar|jr)\s+oud/i.test(after(text, end, 24));
    if (next === 'oud' || next === 'oude' || coordinated) {
      out.push(cand('LEEFTIJD', text, m.index, end));
      continue;
    }
    if (DUR_AFTER_SET.has(next) || DUR_BEFORE_SET.has(prev)) continue;
    const pre = before(text, m.index, 3);
    let ok = false;
    if (/\(\s*$/.test(pre)) ok = true;
    else if (AGE_POS_BEFORE.has(prev)) ok = true;
    else if (prev === 'van' && (AGE_NOUN_SET.has(prev2) || ROLE_SET.has(prev2) || personEndsAt(wordBeforeAt(m.index).start))) ok = true;
    else if (prev === 'van' && /leeftijd/.test(prev2)) ok = true;
    else if (/,\s*$/.test(pre) && (/^\s*[,)]/.test(tail) || personEndsAt(m.index))) ok = true;
    else if (/^\s*\)/.test(tail)) ok = true;
    if (prev === 'van' && !ok) {
      // "een meisje van 14 jaar": noun before "van" (ignoring an adjective in between).
      const prev3 = wordBefore(m.index, 3);
      if (AGE_NOUN_SET.has(prev3)) ok = true;
    }
    if (ok) out.push(cand('LEEFTIJD', text, m.index, end));
  }
  for (const j of text.matchAll(JAAR_OUD_RE)) {
    const ws = Math.max(0, j.index - 30);
    const m = WRITTEN_NUMBER_BEFORE_RE.exec(text.slice(ws, j.index));
    if (!m || /\p{L}/u.test(text[ws + m.index - 1] ?? '')) continue;
    out.push(cand('LEEFTIJD', text, ws + m.index, j.index + j[0].length));
  }
  for (const re of [AGE_SUBJECT_RE, AGE_ORDINAL_RE]) {
    for (const m of text.matchAll(re)) {
      if (Number(m[1]) > 110) continue;
      const s = m.index + m[0].indexOf(m[1]!, m[0].search(/\d/));
      out.push(cand('LEEFTIJD', text, s, s + m[1]!.length));
    }
  }
  for (const m of text.matchAll(AGE_PAREN_RE)) {
    const numStr = m[1] ?? m[3] ?? m[4]!;
    if (Number(numStr) > 110) continue;
    const open = m.index;
    const pw = wordBeforeAt(open);
    const prevWord = pw.w;
    const adjacent = pw.start >= 0 && /^\s?$/.test(text.slice(pw.start + pw.raw.length, open));
    const ok =
      personEndsAt(open) ||
      m[3] !== undefined ||
      m[4] !== undefined ||
      (adjacent &&
        (ROLE_SET.has(prevWord) ||
          AGE_NOUN_SET.has(prevWord) ||
          (/^\p{Lu}/u.test(pw.raw) && !STOP_SET.has(prevWord) && !/\d/.test(pw.raw))));
    if (!ok) continue;
    const s = text.indexOf(numStr, open);
    let e = s + numStr.length;
    if (m[2]) e = s + numStr.length + m[2].length;
    out.push(cand('LEEFTIJD', text, s, e));
  }
  // "een jongen van 14", "leeftijd: 72", "leeftijd van 72".
  for (let k = 0; k + 2 < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word') continue;
    let numTok = -1;
    if ((AGE_NOUN_SET.has(t.lower) || t.lower === 'leeftijd') && toks[k + 1]!.lower === 'van' && toks[k + 2]!.kind === 'num') numTok = k + 2;
    else if (t.lower === 'leeftijd' && toks[k + 1]!.text === ':' && toks[k + 2]!.kind === 'num') numTok = k + 2;
    if (numTok < 0) continue;
    const nt = toks[numTok]!;
    if (nt.text.length > 3 || Number(nt.text) > 120) continue;
    const nx = toks[numTok + 1];
    if (nx && nx.kind === 'word' && /^(?:jaar|jr|jaren)$/.test(nx.lower)) continue; // handled above
    if (nx && (UNIT_AFTER_NUMBER.has(nx.lower) || /^[,.]$/.test(nx.text) && toks[numTok + 2]?.kind === 'num' && toks[numTok + 2]!.start === nx.end)) continue;
    if (nx && nx.kind === 'word' && /^(?:euro|kilo|cm|meter|uur|minuten|procent)$/.test(nx.lower)) continue;
    out.push(cand('LEEFTIJD', text, nt.start, nt.end));
  }
  // "Ze is 45.", "hij wordt 18 en ..." with a person as subject.
  for (let k = 1; k + 1 < toks.length; k++) {
    const t = toks[k]!;
    if (t.kind !== 'word' || !/^(?:is|wordt|werd|was)$/.test(t.lower)) continue;
    let j = k + 1;
    while (j < k + 5 && toks[j] && /^(?:net|pas|bijna|al|inmiddels|nu|dus|ook|toch|eindelijk|zelf|later|volgend|volgende|vorige|deze|dit|maand|week|jaar|binnenkort|straks|morgen|zondag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag)$/.test(toks[j]!.lower)) j++;
    const nt = toks[j];
    if (!nt || nt.kind !== 'num' || nt.text.length > 3 || Number(nt.text) > 110 || Number(nt.text) < 1) continue;
    const nx = toks[j + 1];
    if (nx && !(nx.kind === 'punct' && /^[.,;!?)]$/.test(nx.text) && !(toks[j + 2]?.kind === 'num' && toks[j + 2]!.start === nx.end)) && !(nx.kind === 'word' && /^(?:en|geworden|of)$/.test(nx.lower))) continue;
    // Subject: a pronoun, a person noun or a name within three tokens before the verb.
    let subj = false;
    for (let q = k - 1; q >= Math.max(0, k - 10); q--) {
      const s = toks[q]!;
      if (persons.some((p) => p.start <= s.start && s.end <= p.end)) {
        subj = true;
        break;
      }
      if (s.kind === 'punct' && /^[.!?;]$/.test(s.text)) break;
      if (/^(?:hij|zij|ze|ik|jij|je|u)$/.test(s.lower) || ROLE_SET.has(s.lower) || AGE_NOUN_SET.has(s.lower)) subj = true;
    }
    if (subj) out.push(cand('LEEFTIJD', text, nt.start, nt.end));
  }
}

// ---------------------------------------------------------------------------------------------
// Known names.

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function knownNamePattern(names: string[]): RegExp | null {
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

// ---------------------------------------------------------------------------------------------

/**
 * Find personal data in `text`. Returns non-overlapping entities sorted by offset. Existing
 * placeholders such as "[PERSOON-1]" are never part of an entity.
 */
export function detectPersonalData(text: string, options: DetectOptions = {}): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const placeholders: { start: number; end: number }[] = [];
  for (const m of text.matchAll(PLACEHOLDER_RE)) placeholders.push({ start: m.index, end: m.index + m[0].length });

  const structured: Cand[] = [];
  findEmails(text, structured);
  findIbans(text, structured);
  findBsns(text, structured);
  findPhones(text, structured);
  findKentekens(text, structured);
  findPostcodes(text, structured);
  findDates(text, structured);
  const free = (c: Cand) => !placeholders.some((p) => c.start < p.end && p.start < c.end);
  const firstPass = resolve(structured.filter(free)) as Cand[];

  const toks = tokenize(text);
  const urls: { start: number; end: number }[] = [];
  for (const m of text.matchAll(URL_RE)) urls.push({ start: m.index, end: m.index + m[0].length });
  blockTokens(toks, [...placeholders, ...firstPass, ...urls]);
  blockStopPhrases(toks);

  const known = knownNamePattern(options.knownNames ?? []);
  if (known) {
    const spans: { start: number; end: number }[] = [];
    for (const m of text.matchAll(known)) spans.push({ start: m.index, end: m.index + m[0].length });
    for (const t of toks) {
      if (t.kind === 'word' && spans.some((s) => s.start <= t.start && t.end <= s.end)) {
        t.known = true;
        t.blocked = false;
      }
    }
  }

  const addresses: Cand[] = [];
  findAddresses(text, toks, addresses);
  const withAddresses = resolve([...firstPass.map((e) => cand(e.type, text, e.start, e.end)), ...addresses]);
  blockTokens(
    toks.filter((t) => !t.known),
    withAddresses.filter((e) => e.type === 'ADRES'),
  );

  const persons: Cand[] = [];
  findPersons(text, toks, persons);
  const ages: Cand[] = [];
  findAges(text, toks, persons, ages);

  const all = [
    ...withAddresses.map((e) => cand(e.type, text, e.start, e.end)),
    ...persons,
    ...ages,
  ].filter(free);
  return resolve(all);
}
