import type { Sql } from '../lib/db.ts';
import type { ChunkDraft } from './chunk.ts';

export interface StoredDocument {
  id: string;
  collection_id: string;
  source_key: string;
  title: string;
  type: string;
  content_hash: string;
  chunk_count: number;
  outdated_chunks: number;
}

export function toVector(v: number[]): string {
  return `[${v.map((x) => (Number.isFinite(x) ? x.toFixed(6) : '0')).join(',')}]`;
}

export async function findDocument(sql: Sql, sourceKey: string, embedderId: string): Promise<StoredDocument | undefined> {
  const rows = await sql.query<StoredDocument>(
    `SELECT d.id, d.collection_id, d.source_key, d.title, d.type, d.content_hash, d.chunk_count,
            (SELECT count(*)::int FROM chunk c WHERE c.document_id = d.id AND c.embedder IS DISTINCT FROM $2) AS outdated_chunks
       FROM document d WHERE d.source_key = $1`,
    [sourceKey, embedderId],
  );
  return rows[0];
}

export interface NewDocument {
  collectionId: string;
  teamId?: string;
  sourceKey: string;
  title: string;
  type: string;
  source?: string;
  format: string;
  contentHash: string;
  meta: Record<string, unknown>;
}

export interface NewChunk extends ChunkDraft {
  titleText: string;
  searchText: string;
  questionsText: string;
  embedding: number[];
}

const CHUNK_COLUMNS = 12;

/** Replaces any earlier version of the document (in any collection) with this one, atomically. */
export async function replaceDocument(sql: Sql, doc: NewDocument, chunks: NewChunk[], embedderId: string): Promise<string> {
  return sql.transaction(async (tx) => {
    await tx.query('DELETE FROM document WHERE source_key = $1', [doc.sourceKey]);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO document (collection_id, source_key, title, type, source, format, content_hash, meta, chunk_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [doc.collectionId, doc.sourceKey, doc.title, doc.type, doc.source ?? null, doc.format, doc.contentHash, JSON.stringify(doc.meta), chunks.length],
    );
    const documentId = row!.id;
    for (let i = 0; i < chunks.length; i += 200) {
      const batch = chunks.slice(i, i + 200);
      const params: unknown[] = [];
      const values = batch.map((c, j) => {
        params.push(documentId, doc.teamId ?? null, doc.type, c.ord, c.heading ?? null, c.location, c.text, c.titleText, c.searchText, c.questionsText, toVector(c.embedding), embedderId);
        const b = j * CHUNK_COLUMNS;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}, $${b + 10}, $${b + 11}::vector, $${b + 12})`;
      });
      await tx.query(
        `INSERT INTO chunk (document_id, team_id, doc_type, ord, heading, location, text, title_text, search_text, questions_text, embedding, embedder)
         VALUES ${values.join(', ')}`,
        params,
      );
    }
    return documentId;
  });
}

export async function deleteDocuments(sql: Sql, ids: string[]): Promise<void> {
  if (ids.length) await sql.query('DELETE FROM document WHERE id = ANY($1::text[])', [ids]);
}

/** Document frequency per lexeme over all chunks; cheap next to an ingest, so done after each one. */
export async function refreshLexemeStats(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('DELETE FROM lexeme_stat');
    await tx.query(`INSERT INTO lexeme_stat (word, ndoc) SELECT word, ndoc FROM ts_stat('SELECT tsv FROM chunk')`);
    // The empty lexeme cannot occur in a tsvector, so it safely holds the number of passages.
    await tx.query(`INSERT INTO lexeme_stat (word, ndoc) SELECT '', count(*) FROM chunk`);
  });
  // PGlite has no autovacuum: without fresh statistics the planner misjudges the search statements.
  await sql.exec('ANALYZE chunk; ANALYZE lexeme_stat');
}

export async function ensureCollection(sql: Sql, teamId: string | undefined): Promise<string> {
  if (!teamId) {
    await sql.query(
      `INSERT INTO collection (id, name, scope) VALUES ('organisatie', 'Organisatiebrede kennis', 'organisation') ON CONFLICT (id) DO NOTHING`,
    );
    return 'organisatie';
  }
  await sql.query(`INSERT INTO team (id, name) VALUES ($1, $1) ON CONFLICT (id) DO NOTHING`, [teamId]);
  const id = `team:${teamId}`;
  await sql.query(
    `INSERT INTO collection (id, name, scope, team_id) VALUES ($1, $2, 'team', $3) ON CONFLICT (id) DO NOTHING`,
    [id, `Kennis van team ${teamId}`, teamId],
  );
  return id;
}
