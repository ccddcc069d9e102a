import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WijkwijsError } from '../../lib/errors.ts';
import type { ParsedDocument } from '../document.ts';
import { parseDocx } from './docx.ts';
import { parseMarkdown } from './markdown.ts';
import { parsePdf } from './pdf.ts';
import { parsePlainText } from './plain-text.ts';

export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.txt', '.text', '.pdf', '.docx'];

export function isSupported(file: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** Parses bytes already read from `file`; the extension decides the format. */
export async function parseDocument(file: string, bytes: Uint8Array): Promise<ParsedDocument> {
  const ext = path.extname(file).toLowerCase();
  const fallbackTitle = path.basename(file, ext).replace(/[_-]+/g, ' ');
  switch (ext) {
    case '.md':
    case '.markdown':
      return parseMarkdown(decodeUtf8(bytes), fallbackTitle, path.basename(file));
    case '.txt':
    case '.text':
      return parsePlainText(decodeUtf8(bytes), fallbackTitle);
    case '.pdf':
      return parsePdf(bytes, fallbackTitle);
    case '.docx':
      return parseDocx(bytes, fallbackTitle);
    default:
      throw new WijkwijsError(
        'unsupported_format',
        `Bestandstype ${ext || '(geen extensie)'} wordt niet ondersteund. Gebruik ${SUPPORTED_EXTENSIONS.join(', ')}.`,
      );
  }
}

export async function readAndParse(file: string): Promise<{ parsed: ParsedDocument; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new WijkwijsError('unreadable_file', `Bestand ${file} kan niet worden gelezen.`, { cause });
  }
  return { parsed: await parseDocument(file, bytes), bytes };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    // Older Windows exports: read as Latin-1 rather than refusing the file.
    return new TextDecoder('latin1').decode(bytes);
  }
}
