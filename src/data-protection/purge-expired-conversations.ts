import type { Db } from '../lib/db.ts';

export interface PurgeResult {
  conversations: number;
  answers: number;
  feedback: number;
  /** Messages the assistant sent (to a user or team) not updated within the retention. */
  notifications: number;
  /** Finished jobs (done, cancelled, failed) older than the retention. */
  jobs: number;
}

// Any constant works; it only has to be the same in every process that purges this database.
export const PURGE_LOCK = 727_350_002;

/**
 * Deletes conversation history (conversations with their answers and feedback) untouched for more
 * than `retentionDays`. Notifications are history too: their text
 * is anonymised, but who was asked what, and when, says something about people, so they follow the
 * same retention (counted from their last update: a message still being updated is still in use).
 * Finished jobs are only a log of what ran; pending ones are never touched, however far ahead. Deleting is idempotent; the advisory lock
 * makes a second process wait and then find nothing left, instead of racing the first one over the
 * same rows (which could deadlock).
 */
export async function purgeExpiredConversations(db: Db, now: Date, options: { retentionDays: number }): Promise<PurgeResult> {
  // Prisma keeps DateTime in these timestamp-without-time-zone columns as UTC; casting an ISO string
  // with "Z" to timestamp drops the zone and so compares UTC with UTC, whatever the session's zone.
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000).toISOString();
  return db.sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PURGE_LOCK]);
    const count = async (text: string, params: unknown[]) => (await tx.query<{ n: number }>(`WITH gone AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM gone`, params))[0]!.n;
    const expired = 'SELECT id FROM conversation WHERE updated_at < $1::timestamp';
    const feedback = await count(`DELETE FROM feedback WHERE answer_id IN (SELECT id FROM answer WHERE conversation_id IN (${expired}))`, [cutoff]);
    const answers = await count(`DELETE FROM answer WHERE conversation_id IN (${expired})`, [cutoff]);
    const conversations = await count('DELETE FROM conversation WHERE updated_at < $1::timestamp', [cutoff]);
    const notifications = await count('DELETE FROM notification WHERE updated_at < $1::timestamp', [cutoff]);
    const jobs = await count(
      `DELETE FROM job WHERE status IN ('done', 'cancelled', 'failed') AND coalesce(finished_at, run_at) < $1::timestamp`,
      [cutoff],
    );
    return { conversations, answers, feedback, notifications, jobs };
  });
}
