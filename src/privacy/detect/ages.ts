/**
 * Ages of one person written with a number: "72 jaar", "14-jarige", "(72)", "Ahmed, 15,". The
 * rules that read the words around a number ("een jongen van 14", "ze is 45") are in ages-after-words.ts.
 */
import { UNIT_AFTER_NUMBER } from './addresses.ts';
import { type Cand, after, before, cand } from './entities.ts';
import { AGE_NOUN_SET, DUR_AFTER_SET, DUR_BEFORE_SET, ROLE_SET, STOP_SET } from './lexicon.ts';
import { findAgesAfterWords } from './ages-after-words.ts';
import { type Tok } from './tokens.ts';

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

export function findAges(text: string, toks: Tok[], persons: Cand[], out: Cand[]): void {
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
  findAgesAfterWords(text, toks, persons, out);
}
