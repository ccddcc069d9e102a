import type { Db } from '../lib/db.ts';
import type { Citation } from './reply.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * The cited documents' date and owner from their front matter (`bijgewerkt` or `last_reviewed`,
 * `eigenaar` or `owner`), and whether a source is older than `maxAgeDays`: a reader should know how
 * fresh a source is and whom to ask about it.
 */
export async function withSourceDetails(db: Db, citations: Citation[], freshness: { now: Date; maxAgeDays: number }): Promise<Citation[]> {
  if (!citations.length) return citations;
  const rows = await db.sql.query<{ id: string; updated: string | null; owner: string | null }>(
    `SELECT c.id, COALESCE(d.meta->>'bijgewerkt', d.meta->>'last_reviewed') AS updated, COALESCE(d.meta->>'eigenaar', d.meta->>'owner') AS owner
       FROM chunk c JOIN document d ON d.id = c.document_id WHERE c.id = ANY($1::text[])`,
    [citations.map((c) => c.passageId)],
  );
  const byPassage = new Map(rows.map((r) => [r.id, r]));
  return citations.map((c) => {
    const row = byPassage.get(c.passageId);
    const updated = row?.updated && ISO_DATE.test(row.updated) ? row.updated.slice(0, 10) : undefined;
    const owner = row?.owner?.trim() || undefined;
    const outdated = updated ? freshness.now.getTime() - Date.parse(`${updated}T00:00:00Z`) > freshness.maxAgeDays * DAY_MS : undefined;
    return { ...c, ...(updated ? { updated, outdated } : {}), ...(owner ? { owner } : {}) };
  });
}
