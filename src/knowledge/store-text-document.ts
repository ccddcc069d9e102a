import { createHash } from 'node:crypto';
import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { chunkDocument } from './chunk.ts';
import type { DocumentType, ParsedDocument } from './document.ts';
import type { Embedder } from './embedder.ts';
import { embeddingInput } from './ensure-embedder.ts';
import { ensureCollection, replaceDocument } from './index-store.ts';
import { parseMarkdown } from './parse/markdown.ts';
import { withCompoundParts } from './search-text.ts';

interface IndexDeps {
  db: Db;
  embedder: Embedder;
  logger?: Logger;
}

export interface TextDocument {
  /** Stable key: storing again under the same key replaces the earlier version (a double submit stores once). */
  sourceKey: string;
  title: string;
  type: DocumentType;
  /** Markdown body without front matter; its headings become sections. */
  markdown: string;
  /** Visible to this team only; without one, to the whole organisation. */
  teamId?: string;
  reference?: string;
  meta?: Record<string, unknown>;
}

/**
 * Indexes a text that arrives from a conversation instead of a file, through the same chunk, embed
 * and store steps as an ingested Markdown file, so it is found and cited the same way.
 */
export async function storeTextDocument(deps: IndexDeps, doc: TextDocument): Promise<{ documentId: string; chunks: number }> {
  // The title goes in as the top heading, so text starting with "---" can never pass as front
  // matter and set a team or type of its own.
  const parsed = parseMarkdown(`# ${doc.title.replace(/\s+/g, ' ')}\n\n${doc.markdown}`, doc.title);
  const stored = await indexParsedDocument(deps, parsed, {
    sourceKey: doc.sourceKey,
    teamId: doc.teamId,
    type: doc.type,
    source: doc.reference,
    contentHash: createHash('sha256').update(doc.markdown).digest('hex'),
    meta: doc.meta ?? {},
  });
  if (!stored) throw new WijkwijsError('bad_request', 'Deze tekst is leeg; er valt niets op te slaan.');
  return stored;
}

/**
 * Chunks, embeds and stores a parsed document, replacing any earlier version with the same source
 * key. Shared by file ingest and texts from conversations. Returns undefined when there is no text.
 */
export async function indexParsedDocument(
  deps: IndexDeps,
  parsed: ParsedDocument,
  target: { sourceKey: string; teamId?: string; type: DocumentType; source?: string; contentHash: string; meta: Record<string, unknown> },
): Promise<{ documentId: string; chunks: number } | undefined> {
  const drafts = chunkDocument(parsed);
  if (drafts.length === 0) return undefined;
  const embeddings = await embedOrPostpone(deps, drafts.map((c) => embeddingInput(parsed.title, c.heading, c.text)));
  const collectionId = await ensureCollection(deps.db.sql, target.teamId);
  const documentId = await replaceDocument(
    deps.db.sql,
    { ...target, collectionId, title: parsed.title, format: parsed.format },
    drafts.map((c, i) => ({
      ...c,
      titleText: withCompoundParts(`${parsed.title}\n${c.heading ?? ''}`),
      searchText: withCompoundParts(c.text),
      questionsText: withCompoundParts(c.questions.join('\n')),
      embedding: embeddings?.[i] ?? null,
    })),
    deps.embedder.id,
  );
  return { documentId, chunks: drafts.length };
}

/**
 * An unavailable embedding model does not stop ingest: the passages are stored without vectors, are
 * found by their words meanwhile, and count as outdated, so the next start or ingest embeds them.
 */
async function embedOrPostpone(deps: IndexDeps, texts: string[]): Promise<number[][] | undefined> {
  try {
    return await deps.embedder.embed(texts);
  } catch (error) {
    if (!(error instanceof WijkwijsError && error.code === 'model_unavailable')) throw error;
    deps.logger?.warn({ err: error, embedder: deps.embedder.id, chunks: texts.length }, 'embedding model unavailable; passages stored without vectors for now');
    return undefined;
  }
}
