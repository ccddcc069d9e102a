import type { Db } from '../lib/db.ts';
import { PURGE_LOCK } from './purge-expired-conversations.ts';

/**
 * The audit trail holds ids and actions only, so it may outlive the conversations, but not forever:
 * rows older than WIJKWIJS_AUDIT_RETENTION_DAYS (two years by default) go. Same lock as the other
 * purges, so two processes do not race over the same rows.
 */
export async function purgeExpiredAuditEvents(db: Db, now: Date, options: { auditRetentionDays: number }): Promise<number> {
  const cutoff = new Date(now.getTime() - options.auditRetentionDays * 86_400_000).toISOString();
  return db.sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PURGE_LOCK]);
    const [row] = await tx.query<{ n: number }>('WITH gone AS (DELETE FROM audit_event WHERE at < $1::timestamp RETURNING 1) SELECT count(*)::int AS n FROM gone', [cutoff]);
    return row!.n;
  });
}
