import matter from 'gray-matter';
import { z } from 'zod';
import { WijkwijsError } from '../../lib/errors.ts';
import { DOCUMENT_TYPES, type Block, type ParsedDocument } from '../document.ts';

const frontMatterSchema = z.looseObject({
  title: z.string().trim().min(1).optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  source: z.string().trim().optional(),
  page: z.union([z.string(), z.number()]).transform(String).optional(),
  section: z.string().optional(),
  team: z.string().trim().min(1).optional(),
  /** Per heading (its exact text), the questions coaches ask that the section answers. */
  vragen: z.record(z.string(), z.array(z.string().trim().min(1)).min(1)).optional(),
});

/**
 * Markdown with optional YAML front matter; headings and paragraphs keep their line numbers. HTML
 * comments (notes for authors, such as the line numbers in a seed document) are no content: they
 * never reach a passage, the search text or a citation.
 */
export function parseMarkdown(raw: string, fallbackTitle: string, fileName = fallbackTitle): ParsedDocument {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options bypasses gray-matter's cache, which would remember a failed parse as a success.
    parsed = matter(raw.replace(/\r\n?/g, '\n'), {});
  } catch (cause) {
    throw new WijkwijsError('unreadable_file', 'De front matter (het YAML-blok bovenaan) is geen geldige YAML.', { cause });
  }
  const fm = frontMatterSchema.safeParse(parsed.data);
  if (!fm.success) {
    const problems = fm.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new WijkwijsError('unreadable_file', `Ongeldige front matter: ${problems}`);
  }
  // gray-matter drops the front matter; count its lines so locations match the file.
  const offset = parsed.matter ? raw.replace(/\r\n?/g, '\n').split('\n').length - parsed.content.split('\n').length : 0;
  const blocks = markdownBlocks(withoutComments(parsed.content), offset);
  const firstHeading = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const data = fm.data;
  const title = data.title ? withoutComments(data.title).trim() : (firstHeading?.text ?? fallbackTitle);
  return {
    format: 'markdown',
    title,
    type: data.type,
    source: data.source === undefined ? undefined : withoutComments(data.source).replace(/\s+/g, ' ').trim(),
    questions: data.vragen && questionsByHeading(data.vragen, [title, ...blocks.filter((b) => b.kind === 'heading').map((b) => b.text)], fileName),
    team: data.team,
    meta: jsonSafe(parsed.data),
    // The top-level title is metadata, not a passage of its own, and text above it is a banner
    // (such as a "sample content" notice), not content to answer from.
    blocks: firstHeading ? blocks.slice(blocks.indexOf(firstHeading) + 1) : blocks,
  };
}

/** Removes HTML comments, keeping their line breaks so line numbers still match the file. */
function withoutComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ''));
}

/**
 * The `vragen` of the front matter, checked against the file's headings: a question under a heading
 * that does not exist would silently be lost, so that is an error naming the file and the heading.
 */
function questionsByHeading(vragen: Record<string, string[]>, headings: string[], fileName: string): Record<string, string[]> {
  const known = new Map(headings.map((h) => [normaliseHeading(h), h]));
  const out: Record<string, string[]> = {};
  for (const [key, questions] of Object.entries(vragen)) {
    const heading = known.get(normaliseHeading(stripInline(withoutComments(key))));
    if (!heading) {
      throw new WijkwijsError(
        'unreadable_file',
        `${fileName}: bij "vragen" staat het kopje "${key}", maar dat kopje staat niet in het bestand. Schrijf de tekst van het kopje precies over.`,
      );
    }
    out[heading] = [...(out[heading] ?? []), ...questions.map((q) => withoutComments(q).replace(/\s+/g, ' ').trim()).filter(Boolean)];
  }
  return out;
}

const normaliseHeading = (heading: string) => heading.replace(/\s+/g, ' ').trim();

function markdownBlocks(content: string, lineOffset: number): Block[] {
  const blocks: Block[] = [];
  const lines = content.split('\n');
  let para: { lines: string[]; start: number; end: number } | undefined;
  let inFence = false;
  const flush = () => {
    if (para && para.lines.join('').trim()) {
      blocks.push({ kind: 'paragraph', text: stripInline(para.lines.join('\n')), lineStart: para.start, lineEnd: para.end });
    }
    para = undefined;
  };
  lines.forEach((line, i) => {
    const lineNo = i + 1 + lineOffset;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: stripInline(heading[2]!), lineStart: lineNo, lineEnd: lineNo });
    } else if (line.trim() === '' && !inFence) {
      flush();
    } else {
      para ??= { lines: [], start: lineNo, end: lineNo };
      para.lines.push(line);
      para.end = lineNo;
    }
  });
  flush();
  return blocks;
}

/** Removes Markdown markup that means nothing in a quoted passage; keeps list structure as lines. */
function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Front matter as plain JSON; YAML dates (last_reviewed: 2026-11-23) stay dates without a time. */
function jsonSafe(data: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(data, function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Date ? raw.toISOString().slice(0, 10) : value;
    }),
  );
}
