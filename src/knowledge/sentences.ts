/** Dutch abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'p pp blz nr nrs art bijv bv o.a e.d e.a m.b.t i.p.v t.a.v i.v.m d.w.z z.g.a.n ca etc vgl zgn resp incl excl dhr mw mevr mr dr drs ir ing prof st jl a.s fig tab hfst par red'.split(' '),
);

/**
 * Splits text into sentences at . ! ? … followed by a capital, a digit or a bullet, except after
 * abbreviations ("p. 25", "bijv. de") and initials ("J. de Vries").
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?…]["”’)]*\s+(?=["“‘(]?[\p{Lu}\d•])|\n+/gu;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && endsWithAbbreviation(text.slice(start, m.index))) continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  sentences.push(text.slice(start).trim());
  return sentences.filter(Boolean);
}

function endsWithAbbreviation(before: string): boolean {
  const word = /(?:^|[\s(])([\p{L}.]+)$/u.exec(before)?.[1];
  if (!word) return false;
  const lower = word.toLowerCase();
  return ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}
