/**
 * Phone numbers: Dutch mobile, landline and service numbers, and international numbers.
 */
import { type Cand, before, cand } from './entities.ts';
import { hasOtherIdLabel } from './identifiers.ts';

// Phone numbers: find a run of digits and separators that starts like a phone number, then walk
// its digit groups until the count matches a Dutch (10 digits) or international number.
const PHONE_START_RE = /(?<![\p{L}\p{N}+\-./,])(?:\+|00|\(0|0)/gu;
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
    if (ch === ' ' || ch === '-' || ch === '.' || ch === '/' || ch === '(' || ch === ')') {
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

export function findPhones(text: string, out: Cand[]): void {
  PHONE_START_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_START_RE.exec(text))) {
    let start = m.index;
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
    // "(020) 123 45 67" keeps its bracket; in "(06-12345678)" the brackets surround the number.
    const span = text.slice(start, end);
    if (span[0] === '(' && !span.includes(')')) start++;
    const prev = before(text, start, 4);
    if (/€\s*$/.test(prev)) continue;
    PHONE_START_RE.lastIndex = end;
    // 0800 and 0900 numbers belong to organisations (Veilig Thuis, the Kindertelefoon), never to a resident.
    if (!intl && PHONE_SERVICE_RE.test(all)) continue;
    out.push(cand('TELEFOON', text, start, end));
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
