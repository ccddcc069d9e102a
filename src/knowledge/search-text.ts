import { fold, separatedVerbs, words } from './dutch.ts';
import { splitCompound } from './compounds.ts';

/**
 * Text as the full-text index sees it: the original plus the parts of every compound word, so
 * "schuld" finds "schuldhulpverlening" and "keukentafel" finds "keukentafelgesprek", and separable
 * verbs written apart joined again, so "toewijzen" finds "toe te wijzen".
 */
export function withCompoundParts(text: string): string {
  const extra = new Set<string>();
  for (const word of words(text)) for (const part of splitCompound(word)) extra.add(part);
  for (const verb of separatedVerbs(fold(text))) extra.add(verb.joined);
  return extra.size ? `${text}\n${[...extra].join(' ')}` : text;
}
