import { contentWords, stem } from '../knowledge/dutch.ts';
import type { Passage } from '../knowledge/search-passages.ts';
import { splitSentences } from '../knowledge/sentences.ts';

export interface QuotedSentence {
  text: string;
  passageIndex: number;
}

const MAX_SENTENCES = 3;

/**
 * Questions that ask for a duration or a number are answered by sentences that contain one:
 * "hoe lang …?" wants "zes weken", not a sentence that repeats the question's words.
 */
const ANSWER_TYPES: { question: RegExp; sentence: RegExp }[] = [
  {
    question: /\b(hoe ?lang|hoeveel (tijd|weken|maanden|dagen|jaar)|termijn|how long)\b/i,
    sentence: /\b(\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf)\s*(-\s*)?(dag|dagen|week|weken|maand|maanden|jaar|jaren|uur|uren)\b|\btermijn\b/i,
  },
  { question: /\b(hoeveel|hoe vaak|how many|how often)\b/i, sentence: /\b(\d+|een keer|eenmaal|twee|drie|vier|vijf|zes|tien|\d+ ?%|keer)\b/i },
];
const MAX_CHARS = 600;

/**
 * Without a language model the answer is made of the source's own sentences: those that share the
 * most words with the question, taken from the best passages.
 */
export function pickSentences(question: string, passages: Passage[], extraTerms: string[] = []): QuotedSentence[] {
  const weights = new Map<string, number>();
  for (const w of contentWords(question)) weights.set(stem(w), 1);
  for (const w of contentWords(extraTerms.join(' '))) if (!weights.has(stem(w))) weights.set(stem(w), 0.5);
  if (weights.size === 0) return [];

  const wanted = ANSWER_TYPES.filter((t) => t.question.test(question)).map((t) => t.sentence);
  const candidates = passages.slice(0, 3).flatMap((p, passageIndex) =>
    quotableSentences(p.text).map((text) => {
      const stems = new Set(contentWords(text).map(stem));
      let overlap = 0;
      for (const [s, w] of weights) if (stems.has(s)) overlap += w;
      // Prefer the better passages, and sentences long enough to say something.
      const answersType = wanted.some((re) => re.test(text)) ? 2.5 : 0;
      const score = (overlap + answersType) * (1 - passageIndex * 0.15) + (text.length > 60 ? 0.2 : 0) - (text.length > 350 ? 0.3 : 0);
      return { text, passageIndex, score, overlap };
    }),
  );

  const chosen: typeof candidates = [];
  let chars = 0;
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (c.overlap === 0 || chosen.length >= MAX_SENTENCES) break;
    if (chars > 0 && chars + c.text.length > MAX_CHARS) continue;
    if (chosen.some((other) => saysTheSame(other.text, c.text))) continue;
    chosen.push(c);
    chars += c.text.length;
  }
  // The best sentence leads; the others follow in order of relevance.
  return chosen.map(({ text, passageIndex }) => ({ text, passageIndex }));
}

function quotableSentences(text: string): string[] {
  return splitSentences(text)
    .map((s) => s.replace(/^•\s*/, '').trim())
    .filter((s) => s.length >= 20 && /\p{L}{3}/u.test(s) && !/^bron:/i.test(s) && !s.endsWith(':'));
}

/** Two sentences that share most of their words repeat each other; quoting both wastes the coach's time. */
function saysTheSame(a: string, b: string): boolean {
  const wordsA = new Set(contentWords(a).map(stem));
  const wordsB = new Set(contentWords(b).map(stem));
  const shared = [...wordsA].filter((w) => wordsB.has(w)).length;
  return shared / Math.min(wordsA.size, wordsB.size || 1) >= 0.7;
}
