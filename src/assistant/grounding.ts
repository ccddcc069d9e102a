import { splitCompound } from '../knowledge/compounds.ts';
import { contentWords, stem } from '../knowledge/dutch.ts';
import type { Passage } from '../knowledge/search-passages.ts';
import type { Synonyms } from '../knowledge/synonyms.ts';

/** A passage must contain at least this share of the question's words (or their synonyms) to answer from. */
export const MIN_SUPPORT = 0.34;

function stemsOf(text: string): Set<string> {
  const stems = new Set<string>();
  for (const word of contentWords(text)) {
    stems.add(stem(word));
    for (const part of splitCompound(word)) stems.add(stem(part));
  }
  return stems;
}

/**
 * How much of the question a passage speaks to: the share of the question's content words found
 * in it, where a word also counts when a synonym of it is there. Independent of how search ranks,
 * so "no source, no claim" does not shift when ranking is tuned.
 */
export function support(question: string, passage: Passage, synonyms: Synonyms): number {
  const asked = [...new Set(contentWords(question).map(stem))];
  if (asked.length === 0) return 0;
  const present = stemsOf(`${passage.title} ${passage.heading ?? ''} ${passage.text}`);
  let found = 0;
  for (const word of contentWords(question)) {
    const s = stem(word);
    if (!asked.includes(s)) continue;
    const alternatives = [word, ...synonyms.expansions(word)];
    if (alternatives.some((alt) => [...stemsOf(alt)].every((x) => present.has(x)))) {
      found++;
      asked.splice(asked.indexOf(s), 1);
    }
  }
  return found / new Set(contentWords(question).map(stem)).size;
}
