import type { Db, Sql } from '../lib/db.ts';
import { toVector } from './index-store.ts';

export interface SearchScope {
  teamIds: string[];
  type: string | null;
}

/** Which passages an asker may find: organisation-wide ones and their teams' ($1), of one type or all ($2). */
export const SCOPE_SQL = `(team_id IS NULL OR team_id = ANY($1::text[])) AND ($2::text IS NULL OR doc_type = $2)`;

/**
 * Set per lookup rather than per connection, so they hold behind a connection pooler and on servers
 * that ignore startup options. ef_search is the number of neighbours the scan keeps: as many as we
 * ask for, since lexical ranking reorders them anyway (a larger value makes the planner think the
 * index costlier than reading every row, up to several thousand passages). The iterative scan keeps
 * walking the index while the scope filter rejects neighbours (another team's passages). Failure is
 * ignored, so an older pgvector still answers.
 */
function hnswSettings(limit: number): string {
  return `DO $$ BEGIN
    PERFORM set_config('hnsw.ef_search', '${Math.trunc(limit)}', true);
    PERFORM set_config('hnsw.iterative_scan', 'relaxed_order', true);
  EXCEPTION WHEN OTHERS THEN NULL; END $$`;
}

/**
 * The nearest-vector lookup. Its shape is what lets PostgreSQL walk the HNSW index: ORDER BY the
 * distance operator on the bare column, with a LIMIT, and the scope as a filter the index scan
 * applies as it goes. (For a few hundred passages, or a narrow type filter, the planner rightly
 * reads the rows instead.)
 */
export function nearestPassagesStatement(vector: number[], scope: SearchScope, limit: number): { text: string; params: unknown[] } {
  return {
    text: `SELECT id FROM chunk WHERE embedding IS NOT NULL AND ${SCOPE_SQL}
            ORDER BY embedding <=> $3::vector LIMIT ${Math.trunc(limit)}`,
    params: [scope.teamIds, scope.type, toVector(vector)],
  };
}

/** Runs `fn` in one transaction with the settings of a nearest-vector lookup of `limit` passages. */
export async function withVectorSearchSettings<T>(db: Db, limit: number, fn: (tx: Sql) => Promise<T>): Promise<T> {
  return db.sql.transaction(async (tx) => {
    await tx.exec(hnswSettings(limit));
    return fn(tx);
  });
}

/**
 * Ids of the passages in scope whose vectors are nearest to `vector`, nearest first (roughly). The
 * HNSW graph is approximate: when another team's many similar passages crowd the neighbourhood, the
 * iterative scan can run out of graph before it reaches the asker's own. A lookup that comes back
 * short is therefore repeated as an exact scan of the scope, so a passage in scope is never lost.
 */
export async function findNearestPassages(db: Db, vector: number[], scope: SearchScope, limit: number): Promise<string[]> {
  const { text, params } = nearestPassagesStatement(vector, scope, limit);
  return withVectorSearchSettings(db, limit, async (tx) => {
    const approximate = await tx.query<{ id: string }>(text, params);
    if (approximate.length === limit) return approximate.map((r) => r.id);
    await tx.exec('SET LOCAL enable_indexscan = off');
    return (await tx.query<{ id: string }>(text, params)).map((r) => r.id);
  });
}
