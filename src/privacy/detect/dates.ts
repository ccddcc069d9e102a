/**
 * Dates and birth dates.
 */
import { MONTHS } from './wordlists/lexicon.ts';
import { type Cand, PRIORITY, after, before, cand } from './entities.ts';

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const FULL_MONTH_ALT = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MON = '(?:0?[1-9]|1[0-2])';
/** A year written short with an apostrophe: '23, ’98. */
const SHORT_YEAR = "['’]\\d{2}";
const DATE_DMY_RE = new RegExp(`(?<![\\p{L}\\p{N}.,/\\-])${DAY}([-/.])${MON}\\1(?:(?:19|20)\\d{2}|\\d{2}|${SHORT_YEAR})(?![\\p{N}]|[-/.]\\p{N})`, 'gu');
const DATE_YMD_RE = new RegExp(`(?<![\\p{L}\\p{N}.,/\\-])(?:19|20)\\d{2}([-/.])${MON}\\1${DAY}(?![\\p{N}]|[-/.]\\p{N})`, 'gu');
const DATE_WRITTEN_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])${DAY}(?:e|ste|de)?\\s+(?:${MONTH_ALT})(?:(\\.?\\s+(?:(?:19|20)\\d{2}|${SHORT_YEAR}))|(?![\\p{L}]))`,
  'giu',
);
const YEAR_RE = new RegExp(`(?<![\\p{N}])(?:(?:19|20)\\d{2}|${SHORT_YEAR})(?![\\p{N}])`, 'gu');
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
const BIRTH_YEAR_RE = new RegExp(
  `(?<![\\p{L}])(?:geboren(?:\\s+in)?|geb\\.?|geboortejaar:?|bouwjaar-mens)\\s*:?\\s*\\(?((?:19|20)\\d{2}|${SHORT_YEAR})(?![\\p{N}]|[-/.]\\p{N})`,
  'giu',
);

function validDayMonth(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

export function findDates(text: string, out: Cand[]): void {
  const found: Cand[] = [];
  for (const m of text.matchAll(DATE_DMY_RE)) found.push(cand('DATUM', text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(DATE_YMD_RE)) found.push(cand('DATUM', text, m.index, m.index + m[0].length));
  for (const m of text.matchAll(DATE_WRITTEN_RE)) {
    let end = m.index + m[0].length;
    // "2e Jan Steenstraat": the first name in a street name, not January.
    if (!m[1] && / Jan$/.test(m[0]) && /^\s+\p{Lu}/u.test(text.slice(end, end + 3))) continue;
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
    out.push(cand('GEBOORTEDATUM', text, s, s + year.length, PRIORITY.GEBOORTEDATUM - 1));
  }
}
