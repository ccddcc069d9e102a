import type { Sql } from '../lib/db.ts';
import type { Embedder } from './embedder.ts';
import { toVector } from './index-store.ts';

export function embeddingInput(title: string, heading: string | null | undefined, text: string): string {
  return `${title}\n${heading ?? ''}\n${text}`;
}

/**
 * Makes every stored vector come from `embedder`. A different dimension changes the column; chunks
 * embedded by another embedder, or not at all, are embedded again. The HNSW index exists only for a
 * semantic embedder: search looks for nearest vectors only then (see `Embedder.semantic`), and for
 * the local word features the index would cost minutes to build at scale and slow every insert.
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
  await sql.exec(
    embedder.semantic === false
      ? 'DROP INDEX IF EXISTS chunk_embedding_idx'
      : 'CREATE INDEX IF NOT EXISTS chunk_embedding_idx ON chunk USING hnsw (embedding vector_cosine_ops)',
  );
  const [{ total } = { total: 0 }] = await sql.query<{ total: number }>(
    'SELECT count(*)::int AS total FROM chunk WHERE embedder IS DISTINCT FROM $1',
    [embedder.id],
  );
  let done = 0;
  while (done < total) {
    const rows = await sql.query<{ id: string; title: string; heading: string | null; text: string }>(
      `SELECT c.id, d.title, c.heading, c.text FROM chunk c JOIN document d ON d.id = c.document_id
        WHERE c.embedder IS DISTINCT FROM $1 ORDER BY c.id LIMIT 256`,
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
  return done;
}
