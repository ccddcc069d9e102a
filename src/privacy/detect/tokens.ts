/**
 * The tokenizer for the context rules (addresses, names), and the blocking of tokens that an
 * earlier step already claimed.
 */
import { ABBREVIATIONS, PARTICLE_SET, STOP_PHRASE_MAX, STOP_PHRASE_SET, fold } from './lexicon.ts';

type Kind = 'word' | 'num' | 'init' | 'punct' | 'ph';

export interface Tok {
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

export function tokenize(text: string): Tok[] {
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
export function blockTokens(toks: Tok[], spans: { start: number; end: number }[]): void {
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

export function blockStopPhrases(toks: Tok[]): void {
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
