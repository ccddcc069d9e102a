import mammoth from 'mammoth';
import { WijkwijsError } from '../../lib/errors.ts';
import type { Block, ParsedDocument } from '../document.ts';

/** DOCX through mammoth's HTML, which keeps Word's heading styles as <h1>…<h6>. */
export async function parseDocx(bytes: Uint8Array, fallbackTitle: string): Promise<ParsedDocument> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (cause) {
    throw new WijkwijsError('unreadable_file', 'Dit Word-bestand (DOCX) kan niet worden gelezen.', { cause });
  }
  const blocks: Block[] = [];
  let paragraph = 0;
  for (const m of html.matchAll(/<(h[1-6]|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    // Inline markup (bold part of a word) must not split words; only line breaks become spaces.
    const text = decodeEntities(m[2]!.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const tag = m[1]!;
    if (tag.startsWith('h')) blocks.push({ kind: 'heading', level: Number(tag[1]), text });
    else blocks.push({ kind: 'paragraph', text: tag === 'li' ? `• ${text}` : text, paragraph: ++paragraph });
  }
  if (blocks.length === 0) throw new WijkwijsError('unreadable_file', 'Dit Word-bestand bevat geen tekst.');
  const first = blocks[0]!;
  const title = first.kind === 'heading' ? first.text : fallbackTitle;
  return { format: 'docx', title, meta: {}, blocks: first.kind === 'heading' && first.level === 1 ? blocks.slice(1) : blocks };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}
