/**
 * Identifiers with a checksum: BSN (elfproef) and IBAN (mod-97).
 */
import { type Cand, after, before, cand } from './entities.ts';
import { hasOtherIdLabel } from './identifiers.ts';

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

export function findIbans(text: string, out: Cand[]): void {
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

export function findBsns(text: string, out: Cand[]): void {
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
