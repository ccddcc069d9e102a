/**
 * The text the detector sees: invisible characters removed, Unicode spaces as plain spaces,
 * compatibility forms folded (full-width digits and letters, ligatures, other digit scripts), odd
 * hyphens as '-'. A zero-width space inside a BSN or a soft hyphen inside a phone number would
 * otherwise hide it from every pattern.
 *
 * Entities are found in the normalised text and mapped back to offsets into the original, so the
 * anonymised text replaces the whole original span, invisible characters included.
 */

/**
 * Invisible format characters: soft hyphen, combining grapheme joiner, Arabic letter mark,
 * Mongolian vowel separator, zero-width space/non-joiner/joiner, direction marks and embeddings,
 * word joiner and invisible operators, isolates, variation selectors, BOM, tag characters.
 */
const INVISIBLE_RE = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff]|\udb40[\udc00-\udc7f]/;
/** Unicode spaces other than the plain space. */
const SPACE_RE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
const LINE_BREAK_RE = /[\u0085\u2028\u2029]/;
/** Hyphens and minus signs that work as '-' in numbers; the en and em dash stay dashes. */
const HYPHEN_RE = /[\u2010-\u2012\u2212\ufe63\uff0d]/;
/** Everything the slow path below would change, apart from compatibility forms. */
const ODD_RE = /[\u00a0\u00ad\u034f\u061c\u0660-\u0669\u06f0-\u06f9\u0085\u1680\u180e\u2000-\u200f\u2010-\u2012\u2028-\u202f\u205f-\u206f\u2212\u3000\ufe00-\ufe0f\ufe63\ufeff\uff01-\uff5e]|\udb40[\udc00-\udc7f]/;
/** A compatibility form is folded only into letters and digits or one ASCII sign: "™" and "…" stay. */
const FOLDABLE_RESULT_RE = /^(?:[\p{L}\p{N}]+|[!-/:-@[-`{-~])$/u;

export interface NormalisedText {
  /** The text the detector works on. */
  text: string;
  /** Maps a span of `text` to the span of the original it came from; null when nothing changed. */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

function foldCharacter(ch: string): string {
  if (INVISIBLE_RE.test(ch)) return '';
  if (SPACE_RE.test(ch)) return ' ';
  if (LINE_BREAK_RE.test(ch)) return '\n';
  if (HYPHEN_RE.test(ch)) return '-';
  const code = ch.codePointAt(0)!;
  // Arabic-Indic and Persian digits: NFKC leaves them alone.
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  const nfkc = ch.normalize('NFKC');
  return nfkc !== ch && FOLDABLE_RESULT_RE.test(nfkc) ? nfkc : ch;
}

export function normaliseText(original: string): NormalisedText {
  if (!ODD_RE.test(original) && original.normalize('NFKC') === original) return { text: original, starts: null, ends: null };
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = code < 0x80 ? original[i]! : foldCharacter(original.slice(i, i + width));
    for (let k = 0; k < ch.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    text += ch;
    i += width;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** True for a character normaliseText() removes. */
export function isInvisible(ch: string): boolean {
  return INVISIBLE_RE.test(ch);
}

/**
 * Map sorted, non-overlapping spans of the normalised text back to the original. Invisible
 * characters directly around a span join it, so none survives next to a placeholder; a span never
 * grows into its neighbour.
 */
export function toOriginalSpans<T extends { start: number; end: number }>(n: NormalisedText, original: string, spans: T[]): T[] {
  const out: T[] = [];
  let floor = 0;
  spans.forEach((span, idx) => {
    let start = n.starts ? n.starts[span.start]! : span.start;
    let end = n.ends ? n.ends[span.end - 1]! : span.end;
    const next = spans[idx + 1];
    const ceiling = next ? (n.starts ? n.starts[next.start]! : next.start) : original.length;
    while (start > floor && isInvisibleAt(original, start - 1)) start--;
    while (end < ceiling && isInvisibleAt(original, end)) end++;
    out.push({ ...span, start, end });
    floor = end;
  });
  return out;
}

function isInvisibleAt(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  // Tag characters are surrogate pairs: look at the whole pair from either half.
  if (code >= 0xdc00 && code <= 0xdc7f && s.charCodeAt(i - 1) === 0xdb40) return true;
  if (code === 0xdb40) return INVISIBLE_RE.test(s.slice(i, i + 2));
  return INVISIBLE_RE.test(s[i]!);
}
