import type { Sql } from '../lib/db.ts';
import type { Embedder } from './embedder.ts';
import { toVector } from './index-store.ts';

export function embeddingInput(title: string, heading: string | null | undefined, text: string): string {
  return `${title}\n${heading ?? ''}\n${text}`;
}

/** Re-embedding more passages than this drops the HNSW index and builds it once afterwards: much faster than updating it row by row. */
const REBUILD_INDEX_ABOVE = 1000;
const BATCH = 256;

/**
 * Makes every stored vector come from `embedder`. The column has one dimension, so there is one
 * index at a time: a different dimension changes the column, and vectors of another model are
 * cleared (comparing them with this model's would be noise); those passages, and any stored without
 * a vector while the model was down, are embedded again. The HNSW index exists only for a semantic
 * embedder: only then does search look up nearest vectors (see `Embedder.semantic`); for the local
 * word features it would cost minutes to build at scale and slow every insert.
 */
export async function ensureEmbedder(
  sql: Sql,
  embedder: Embedder,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const [column] = await sql.query<{ dims: number }>(
    `SELECT atttypmod AS dims FROM pg_attribute WHERE attrelid = 'chunk'::regclass AND attname = 'embedding'`,
  );
  if (column?.dims !== embedder.dimensions) {
    await sql.transaction(async (tx) => {
      await tx.exec(`DROP INDEX IF EXISTS chunk_embedding_idx;
        UPDATE chunk SET embedding = NULL, embedder = NULL;
        ALTER TABLE chunk ALTER COLUMN embedding TYPE vector(${Math.trunc(embedder.dimensions)});`);
    });
  }
  await sql.query('UPDATE chunk SET embedding = NULL WHERE embedder IS DISTINCT FROM $1 AND embedding IS NOT NULL', [embedder.id]);
  const [{ total } = { total: 0 }] = await sql.query<{ total: number }>(
    'SELECT count(*)::int AS total FROM chunk WHERE embedder IS DISTINCT FROM $1',
    [embedder.id],
  );
  if (!embedder.semantic || total > REBUILD_INDEX_ABOVE) await sql.exec('DROP INDEX IF EXISTS chunk_embedding_idx');
  let done = 0;
  try {
    while (done < total) {
      const rows = await sql.query<{ id: string; title: string; heading: string | null; text: string }>(
        `SELECT c.id, d.title, c.heading, c.text FROM chunk c JOIN document d ON d.id = c.document_id
          WHERE c.embedder IS DISTINCT FROM $1 ORDER BY c.id LIMIT ${BATCH}`,
        [embedder.id],
      );
      if (rows.length === 0) break;
      const vectors = await embedder.embed(rows.map((r) => embeddingInput(r.title, r.heading, r.text)));
      await sql.query(
        `UPDATE chunk SET embedding = v.embedding::vector, embedder = $3
           FROM unnest($1::text[], $2::text[]) AS v(id, embedding) WHERE chunk.id = v.id`,
        [rows.map((r) => r.id), vectors.map(toVector), embedder.id],
      );
      done += rows.length;
      onProgress?.(done, total);
    }
  } finally {
    // Also when the model fails halfway: the vectors stored so far are searchable, the rest follow next time.
    if (embedder.semantic) await sql.exec('CREATE INDEX IF NOT EXISTS chunk_embedding_idx ON chunk USING hnsw (embedding vector_cosine_ops)');
  }
  return done;
}
