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
  // Words with the same stem ("verlengen", "verlenging") are one thing asked.
  const wordsByStem = new Map<string, string[]>();
  for (const word of contentWords(question)) wordsByStem.set(stem(word), [...(wordsByStem.get(stem(word)) ?? []), word]);
  if (wordsByStem.size === 0) return 0;
  const present = stemsOf(`${passage.title} ${passage.heading ?? ''} ${passage.text}`);
  const isPresent = (word: string) => [word, ...synonyms.expansions(word)].some((alt) => [...stemsOf(alt)].every((x) => present.has(x)));
  const found = [...wordsByStem.values()].filter((words) => words.some(isPresent)).length;
  return found / wordsByStem.size;
}
