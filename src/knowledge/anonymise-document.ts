import { anonymise, type EntityType } from '../privacy/index.ts';
import type { DocumentType, ParsedDocument } from './document.ts';

/**
 * Case material: what a team wrote about its residents. Such a document is anonymised before any
 * of it is stored, indexed or embedded, however carefully its author meant to leave names out.
 */
export function holdsCaseMaterial(type: DocumentType, teamId: string | undefined): boolean {
  return type === 'casus' || teamId !== undefined;
}

export interface AnonymisedDocument {
  document: ParsedDocument;
  /** How many personal data items were replaced, per kind: counts only, never the text. */
  replaced: Partial<Record<EntityType, number>>;
}

// Between the parts of a document in one anonymiser run: a paragraph break no entity spans.
const SEPARATOR = '\n\n\u2042\n\n';

/**
 * Replaces personal data in every text of the document that gets stored: title, source, headings,
 * paragraphs and front matter. One run over the whole document, so a person keeps one placeholder
 * in every passage; should an entity ever span two parts, each part is anonymised on its own.
 */
export function anonymiseDocument(doc: ParsedDocument): AnonymisedDocument {
  const metaTexts: string[] = [];
  collectStrings(doc.meta, metaTexts);
  const parts = [doc.title, doc.source ?? '', ...doc.blocks.map((b) => b.text), ...metaTexts];
  const whole = anonymise(parts.join(SEPARATOR));
  let texts = whole.text.split(SEPARATOR);
  let entities = whole.entities;
  if (texts.length !== parts.length) {
    const each = parts.map((p) => anonymise(p));
    texts = each.map((r) => r.text);
    entities = each.flatMap((r) => r.entities);
  }
  const replaced: AnonymisedDocument['replaced'] = {};
  for (const e of entities) replaced[e.type] = (replaced[e.type] ?? 0) + 1;

  const [title, source, ...rest] = texts as [string, string, ...string[]];
  const blockTexts = rest.slice(0, doc.blocks.length);
  const metaQueue = rest.slice(doc.blocks.length);
  return {
    document: {
      ...doc,
      title,
      source: doc.source === undefined ? undefined : source,
      // Offsets into the original text no longer fit; a cut paragraph then cites all its lines.
      blocks: doc.blocks.map(({ lineOffsets: _, ...block }, i) => ({ ...block, text: blockTexts[i]! })),
      meta: replaceStrings(doc.meta, metaQueue) as Record<string, unknown>,
    },
    replaced,
  };
}

export function countReplaced(replaced: AnonymisedDocument['replaced']): number {
  return Object.values(replaced).reduce((sum, n) => sum + (n ?? 0), 0);
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
}

/** The same walk as collectStrings, taking the replacements in that order. */
function replaceStrings(value: unknown, queue: string[]): unknown {
  if (typeof value === 'string') return queue.shift() ?? '';
  if (Array.isArray(value)) return value.map((v) => replaceStrings(v, queue));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, queue)]));
  return value;
}
