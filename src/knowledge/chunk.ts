import type { Block, ParsedDocument } from './document.ts';

export interface ChunkDraft {
  ord: number;
  /** Heading path of the passage, e.g. "Werkwijze › Zes weken". */
  heading?: string;
  /** Human-readable place in the source for citations: section, page, lines or paragraphs. */
  location: string;
  text: string;
  /** Questions coaches ask that this passage answers (front matter `vragen` of its section). */
  questions: string[];
}

export interface ChunkOptions {
  /** A passage is closed once it reaches this many characters at a paragraph boundary. */
  target: number;
  /** No passage is longer than this; longer paragraphs are cut at sentence ends. */
  max: number;
}

export const DEFAULT_CHUNKING: ChunkOptions = { target: 800, max: 1400 };

/**
 * Cuts a document into passages along its headings and paragraphs. A heading always starts a new
 * passage (Markdown sections become exactly one passage each unless too long), so a citation points
 * at one section of the source.
 */
export function chunkDocument(doc: ParsedDocument, options: ChunkOptions = DEFAULT_CHUNKING): ChunkDraft[] {
  const chunks: ChunkDraft[] = [];
  const headings: { level: number; text: string }[] = [];
  let buffer: Block[] = [];
  let size = 0;

  // The two innermost headings name a passage well enough; deeper paths only make citations long.
  const headingPath = () => headings.slice(-2).map((h) => h.text).join(' › ') || undefined;
  const flush = () => {
    if (buffer.length === 0) return;
    const heading = headingPath();
    chunks.push({
      ord: chunks.length,
      heading,
      location: describeLocation(doc, heading, buffer),
      text: buffer.map((b) => b.text).join('\n'),
      questions: questionsFor(doc, headings.map((h) => h.text)),
    });
    buffer = [];
    size = 0;
  };

  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      flush();
      const level = block.level ?? 1;
      while (headings.length > 0 && headings[headings.length - 1]!.level >= level) headings.pop();
      headings.push({ level, text: block.text });
      continue;
    }
    for (const piece of splitLong(block, options.max)) {
      if (size > 0 && size + piece.text.length > options.max) flush();
      buffer.push(piece);
      size += piece.text.length + 1;
      if (size >= options.target && doc.format !== 'markdown') flush();
    }
  }
  flush();
  return chunks;
}

/**
 * The questions written for the innermost heading of a passage, or for the title above the first
 * heading. A section with subsections passes its questions on to them when it has no text of its own.
 */
function questionsFor(doc: ParsedDocument, path: string[]): string[] {
  if (!doc.questions) return [];
  if (path.length === 0) return doc.questions[doc.title] ?? [];
  const own = doc.questions[path.at(-1)!];
  if (own) return own;
  const sectionsWithText = new Set(doc.blocks.filter((b, i) => b.kind === 'heading' && doc.blocks[i + 1]?.kind === 'paragraph').map((b) => b.text));
  const inherited = path.slice(0, -1).reverse().find((h) => doc.questions![h] && !sectionsWithText.has(h));
  return inherited ? doc.questions[inherited]! : [];
}

function splitLong(block: Block, max: number): Block[] {
  if (block.text.length <= max) return [block];
  const sentences = block.text.split(/(?<=[.!?…])\s+(?=["“‘(]?[\p{Lu}\d•])/u);
  const pieces: Block[] = [];
  let start = 0;
  let end = 0;
  const cut = (to: number) => {
    pieces.push(slice(block, start, to));
    start = to;
    while (block.text[start] === ' ') start++;
  };
  for (const sentence of sentences) {
    const at = block.text.indexOf(sentence, end);
    if (at - start > 0 && at + sentence.length - start > max) cut(at);
    // A single sentence longer than max (a table flattened into text) is cut at a space.
    while (at + sentence.length - start > max) {
      const space = block.text.lastIndexOf(' ', start + max);
      cut(space > start + max / 2 ? space : start + max);
    }
    end = at + sentence.length;
  }
  if (end > start) pieces.push(slice(block, start, end));
  return pieces;
}

/** Part of a block, with the line range of just that part. */
function slice(block: Block, from: number, to: number): Block {
  const piece: Block = { ...block, text: block.text.slice(from, to).trim() };
  if (block.lineOffsets) {
    const lineAt = (offset: number) => block.lineOffsets!.filter(([o]) => o <= offset).at(-1)?.[1];
    piece.lineStart = lineAt(from) ?? block.lineStart;
    piece.lineEnd = lineAt(Math.max(from, to - 1)) ?? block.lineEnd;
  }
  return piece;
}

function describeLocation(doc: ParsedDocument, heading: string | undefined, blocks: Block[]): string {
  const parts: string[] = [];
  if (heading) parts.push(`§ ${heading}`);
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  if (doc.format === 'pdf' && first.page) {
    parts.push(first.page === last.page ? `p. ${first.page}` : `p. ${first.page}–${last.page}`);
  } else if (doc.format === 'markdown') {
    const page = doc.meta.page;
    if (page !== undefined && page !== null && page !== '') parts.push(`p. ${String(page)}`);
    if (!heading) parts.push(range('r.', first.lineStart, last.lineEnd));
  } else if (doc.format === 'docx' && first.paragraph) {
    parts.push(range('alinea', first.paragraph, last.paragraph));
  } else if (first.lineStart) {
    parts.push(range('r.', first.lineStart, last.lineEnd));
  }
  return parts.filter(Boolean).join(', ') || 'hele document';
}

function range(label: string, from?: number, to?: number): string {
  if (from === undefined) return '';
  return to === undefined || to === from ? `${label} ${from}` : `${label} ${from}–${to}`;
}
