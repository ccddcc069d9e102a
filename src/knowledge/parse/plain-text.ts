import { textToBlocks } from '../clean-text.ts';
import type { ParsedDocument } from '../document.ts';

export function parsePlainText(raw: string, fallbackTitle: string): ParsedDocument {
  const blocks = textToBlocks(raw);
  return { format: 'text', title: guessTitle(blocks.map((b) => b.text)) ?? fallbackTitle, meta: {}, blocks };
}

/** The first heading-like line near the top, if the text has one. */
export function guessTitle(texts: string[]): string | undefined {
  const first = texts.slice(0, 3).find((t) => t.length >= 4 && t.length <= 90 && !/[.:;,]$/.test(t));
  return first;
}
