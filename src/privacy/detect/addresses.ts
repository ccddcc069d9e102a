/**
 * Addresses: a street name with a house number, and Postbus numbers.
 */
import { type Cand, cand } from './entities.ts';
import { DE_CORE_SET, PLACE_PREP_SET, PLACE_SET, STREET_HEAD_SET, STREET_PREFIX_SET, STREET_SUFFIX_LIST, TITLE_SET, VAN_CORE_SET, fold, isLexName, isStop } from './lexicon.ts';
import { type Tok } from './tokens.ts';

const STREET_SUFFIX_SET = new Set(STREET_SUFFIX_LIST);
const STREET_SUFFIX_LENGTHS = [...new Set(STREET_SUFFIX_LIST.map((s) => s.length))].sort((a, b) => b - a);

/** The street ending of a word ("kerkstraat" → "straat"), longest ending first; null if none. */
export function streetSuffixOf(lower: string): string | null {
  for (const len of STREET_SUFFIX_LENGTHS) {
    if (lower.length < len + 3) continue;
    const tail = lower.slice(lower.length - len);
    if (STREET_SUFFIX_SET.has(tail)) return tail;
  }
  return null;
}

/** Endings that make a lowercase word a street name when a house number follows ("kerkstraat 12"). */
const LOWERCASE_STREET_SUFFIXES = new Set('straat laan weg plein gracht kade singel dijk steeg dreef pad plantsoen hof wal dam'.split(' '));
/** Ordinary nouns with such an ending. */
const NOT_STREETS = new Set(
  'onderweg snelweg spoorweg autoweg rijweg zijweg halfweg fietspad voetpad wandelpad zebrapad bospad jaagpad schoolplein speelplein kerkhof gerechtshof'.split(' '),
);
/** Words that may stand right before a street written in lower case. */
const BEFORE_LOWERCASE_STREET = new Set('in op aan naar de het adres woont wonen verhuisd verhuist bij :'.split(' '));

/** "in de kerkstraat 12": a lowercase street name, recognised only with a house number. */
function isLowercaseStreetWord(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  if (t.kind !== 'word' || t.cap || t.blocked || NOT_STREETS.has(t.lower)) return false;
  const suffix = streetSuffixOf(t.lower);
  if (!suffix || !LOWERCASE_STREET_SUFFIXES.has(suffix)) return false;
  const p = toks[k - 1];
  return !p || t.sentStart || BEFORE_LOWERCASE_STREET.has(p.lower);
}

/** "2e Jan Steenstraat", "1e Helmersstraat": the ordinal in front belongs to the street name. */
function ordinalBefore(toks: Tok[], s: number): number {
  const suffix = toks[s - 1];
  const num = toks[s - 2];
  if (!suffix || !num || !toks[s]!.tight || suffix.kind !== 'word' || !/^(?:e|ste|de)$/.test(suffix.lower)) return s;
  if (num.kind !== 'num' || num.text.length > 2 || num.end !== suffix.start || num.blocked) return s;
  return s - 2;
}

/** A capitalised word that looks like a street name ("Kerkstraat", "Van-Limburg-Stirumplein"). */
function isStreetWord(t: Tok): boolean {
  if (t.kind !== 'word' || !t.cap || t.blocked) return false;
  if (PLACE_SET.has(t.lower)) return false;
  return streetSuffixOf(t.lower) !== null || STREET_HEAD_SET.has(t.lower);
}

export const UNIT_AFTER_NUMBER = new Set(
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

export function findAddresses(text: string, toks: Tok[], out: Cand[]): void {
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
        // "Plein 1944 12": a year in the name, then the house number.
        const y = toks[numberAt];
        if (y && y.kind === 'num' && /^(?:1[89]|20)\d{2}$/.test(y.text) && y.tight && toks[numberAt + 1]?.kind === 'num' && toks[numberAt + 1]!.tight) numberAt++;
      } else {
        numberAt = k + 1;
        // Abbreviated ending with a full stop: "Kerkstr. 12".
        if (toks[k + 1]?.text === '.' && toks[k + 1]!.start === t.end && toks[k + 2]?.kind === 'num') numberAt = k + 2;
      }
      streetStart = k;
    } else if (isLowercaseStreetWord(toks, k)) {
      numberAt = k + 1;
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
    s = ordinalBefore(toks, s);
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
