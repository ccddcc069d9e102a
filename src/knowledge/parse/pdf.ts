import { extractText, getDocumentProxy } from 'unpdf';
import { WijkwijsError } from '../../lib/errors.ts';
import { findRunningLines, normaliseLine, textToBlocks } from '../clean-text.ts';
import type { Block, ParsedDocument } from '../document.ts';

/** PDF text per page (pdf.js through unpdf); blocks carry their page so citations can name it. */
export async function parsePdf(bytes: Uint8Array, fallbackTitle: string): Promise<ParsedDocument> {
  let pages: string[];
  let info: Record<string, unknown> = {};
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = (await extractText(pdf, { mergePages: false })).text;
    info = ((await pdf.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
    await pdf.destroy();
  } catch (cause) {
    throw new WijkwijsError('unreadable_file', 'Dit PDF-bestand kan niet worden gelezen (beschadigd of beveiligd?).', { cause });
  }
  // Headers and footers repeat on many pages; with few pages, three repeats already tell.
  const allLines = pages.flatMap((p) => p.split('\n').map(normaliseLine));
  const furniture = findRunningLines(allLines, Math.max(3, Math.ceil(pages.length * 0.3)));
  const blocks: Block[] = pages.flatMap((text, i) => textToBlocks(text, { page: i + 1, furniture }));
  if (blocks.length === 0) {
    throw new WijkwijsError('unreadable_file', 'Dit PDF-bestand bevat geen tekst (misschien een scan zonder tekstlaag).');
  }
  const title = typeof info.Title === 'string' && info.Title.trim() ? info.Title.trim() : fallbackTitle;
  return { format: 'pdf', title, meta: {}, blocks };
}
