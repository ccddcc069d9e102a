import { DateTime } from 'luxon';
import type { Db } from '../lib/db.ts';
import type { Citation } from './reply.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

/**
 * Adds the cited documents' date and owner from their front matter (`bijgewerkt` or
 * `last_reviewed`, `eigenaar` or `owner`), in a line every channel shows under the source, and a
 * warning when a source has not been reviewed for longer than `maxAgeDays`: whoever reads an
 * answer should see how fresh its sources are and whom to ask about them.
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
    const updated = row?.updated && ISO_DATE.test(row.updated) && !Number.isNaN(Date.parse(row.updated.slice(0, 10))) ? row.updated.slice(0, 10) : undefined;
    const owner = row?.owner?.replace(/\s+/g, ' ').trim().slice(0, 100) || undefined;
    const details = [updated && `Bijgewerkt ${DateTime.fromISO(updated).setLocale('nl').toFormat('d LLLL yyyy')}`, owner && `eigenaar: ${owner}`].filter(Boolean).join(' · ');
    const outdated = updated !== undefined && freshness.now.getTime() - Date.parse(`${updated}T00:00:00Z`) > freshness.maxAgeDays * DAY_MS;
    return {
      ...c,
      ...(updated ? { updated } : {}),
      ...(owner ? { owner } : {}),
      ...(details ? { details } : {}),
      ...(outdated ? { warning: `Let op: deze bron is langer dan ${age(freshness.maxAgeDays)} niet bijgewerkt. Vraag ${owner ? `de ${lowerFirst(owner)}` : 'wie hem beheert'} of hij nog klopt.` } : {}),
    };
  });
}

function age(days: number): string {
  return days % 365 === 0 ? `${days / 365} jaar` : `${days} dagen`;
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}
