import { words } from './dutch.ts';
import { splitCompound } from './compounds.ts';

/**
 * Text as the full-text index sees it: the original plus the parts of every compound word, so
 * "schuld" finds "schuldhulpverlening" and "keukentafel" finds "keukentafelgesprek".
 */
export function withCompoundParts(text: string): string {
  const parts = new Set<string>();
  for (const word of words(text)) for (const part of splitCompound(word)) parts.add(part);
  return parts.size ? `${text}\n${[...parts].join(' ')}` : text;
}
