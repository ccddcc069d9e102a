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
  /** Passage rows actually present: fewer than chunk_count means the index lost some. */
  stored_chunks: number;
  /** Passages without a vector of the current embedder. */
  outdated_chunks: number;
}

export function toVector(v: number[]): string {
  return `[${v.map((x) => (Number.isFinite(x) ? x.toFixed(6) : '0')).join(',')}]`;
}

export async function findDocument(sql: Sql, sourceKey: string, embedderId: string): Promise<StoredDocument | undefined> {
  const rows = await sql.query<StoredDocument>(
    `SELECT d.id, d.collection_id, d.source_key, d.title, d.type, d.content_hash, d.chunk_count,
            (SELECT count(*)::int FROM chunk c WHERE c.document_id = d.id) AS stored_chunks,
            (SELECT count(*)::int FROM chunk c WHERE c.document_id = d.id AND (c.embedder IS DISTINCT FROM $2 OR c.embedding IS NULL)) AS outdated_chunks
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
  /** Null when the embedding model was unavailable: found by its words until it is embedded again. */
  embedding: number[] | null;
}

const CHUNK_COLUMNS = 12;

/**
 * Replaces any earlier version of the document (in any collection) with this one: its passages,
 * their vectors and its share of the term statistics in one transaction, so a process killed at
 * any moment leaves either the old version or the new one, each fully searchable.
 */
export async function replaceDocument(sql: Sql, doc: NewDocument, chunks: NewChunk[], embedderId: string): Promise<string> {
  return sql.transaction(async (tx) => {
    const old = await tx.query<{ id: string }>('SELECT id FROM document WHERE source_key = $1', [doc.sourceKey]);
    await removeDocuments(tx, old.map((d) => d.id));
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
        params.push(documentId, doc.teamId ?? null, doc.type, c.ord, c.heading ?? null, c.location, c.text, c.titleText, c.searchText, c.questionsText,
          c.embedding && toVector(c.embedding), c.embedding && embedderId);
        const b = j * CHUNK_COLUMNS;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}, $${b + 10}, $${b + 11}::vector, $${b + 12})`;
      });
      await tx.query(
        `INSERT INTO chunk (document_id, team_id, doc_type, ord, heading, location, text, title_text, search_text, questions_text, embedding, embedder)
         VALUES ${values.join(', ')}`,
        params,
      );
    }
    await countLexemes(tx, [documentId], 1);
    return documentId;
  });
}

export async function deleteDocuments(sql: Sql, ids: string[]): Promise<void> {
  if (ids.length) await sql.transaction((tx) => removeDocuments(tx, ids));
}

async function removeDocuments(tx: Sql, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await countLexemes(tx, ids, -1);
  await tx.query('DELETE FROM document WHERE id = ANY($1::text[])', [ids]);
}

/**
 * Adds (sign 1) or takes away (sign -1) the documents' passages in `lexeme_stat`: per lexeme the
 * number of passages containing it, and under the empty word (which no tsvector holds) the number
 * of passages. Rows are touched in word order, so concurrent ingests wait for each other instead of
 * deadlocking.
 */
async function countLexemes(tx: Sql, documentIds: string[], sign: 1 | -1): Promise<void> {
  await tx.query(
    `INSERT INTO lexeme_stat (word, ndoc)
     SELECT word, $2::int * count(*) FROM (
       SELECT '' AS word FROM chunk WHERE document_id = ANY($1::text[])
       UNION ALL
       SELECT u.lexeme FROM chunk c CROSS JOIN LATERAL unnest(c.tsv) u WHERE c.document_id = ANY($1::text[])
     ) passage_words
     GROUP BY word ORDER BY word
     ON CONFLICT (word) DO UPDATE SET ndoc = lexeme_stat.ndoc + excluded.ndoc`,
    [documentIds, sign],
  );
  if (sign < 0) await tx.query(`DELETE FROM lexeme_stat WHERE ndoc <= 0 AND word <> ''`);
}

/**
 * Whether `lexeme_stat` agrees with the passages: the number of passages, and the sum of all
 * counts against the distinct lexemes of all passages, read in one statement (one snapshot).
 */
export async function lexemeStatsAgree(sql: Sql): Promise<boolean> {
  const [row] = await sql.query<{ agree: boolean }>(
    `SELECT (SELECT count(*) FROM chunk) = coalesce((SELECT ndoc FROM lexeme_stat WHERE word = ''), 0)
        AND (SELECT coalesce(sum(length(tsv)), 0) FROM chunk) = (SELECT coalesce(sum(ndoc), 0) FROM lexeme_stat WHERE word <> '')
        AND NOT EXISTS (SELECT 1 FROM lexeme_stat WHERE ndoc < 0) AS agree`,
  );
  return row?.agree ?? false;
}

/**
 * Counts every lexeme again from all passages: the repair when the statistics disagree, and the
 * way to count after a bulk load that bypassed replaceDocument. The table lock holds back
 * concurrent ingests until the new counts are in, so none of their passages is counted twice or lost.
 */
export async function rebuildLexemeStats(sql: Sql): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('LOCK TABLE lexeme_stat IN SHARE ROW EXCLUSIVE MODE');
    await tx.query('DELETE FROM lexeme_stat');
    await tx.query(`INSERT INTO lexeme_stat (word, ndoc) SELECT word, ndoc FROM ts_stat('SELECT tsv FROM chunk')`);
    await tx.query(`INSERT INTO lexeme_stat (word, ndoc) SELECT '', count(*) FROM chunk`);
  });
  await analyseSearchTables(sql);
}

/** PGlite has no autovacuum: without fresh statistics the planner misjudges the search statements. */
export async function analyseSearchTables(sql: Sql): Promise<void> {
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
