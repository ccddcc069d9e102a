import type { Db } from '../lib/db.ts';
import { ON_AGENDA } from '../consultations/twintig-ogen/upcoming-meetings.ts';
import { PURGE_LOCK } from './purge-expired-conversations.ts';

/**
 * How long a text that the coach never confirmed may wait. A draft is meant to be checked right
 * away; a day and a half still lets a coach finish a draft from the end of yesterday, and with the
 * purge running every six hours an unconfirmed text is gone within two days.
 */
export const DRAFT_HOURS = 36;

export interface DraftPurgeResult {
  /** Twintig-ogen cases never put on the agenda (status 'draft'). */
  twintigOgenDrafts: number;
  /** Outcomes of a discussed case typed but never saved (outcome_draft of a case still on the agenda). */
  outcomeDrafts: number;
  /** Vier-ogen checks never sent: still a draft, or withdrawn before any colleague was asked. */
  vierOgenDrafts: number;
}

/**
 * Removes what the features keep only while the coach checks it. Each feature's own notion of
 * draft: a consultation_request in status 'draft'; the outcome_draft of a request still on the
 * agenda (after "Opslaan" it holds the confirmed outcome and the status is 'discussed', so that one
 * stays); a vier_ogen_request in 'draft', or 'withdrawn' without ever being asked. The case itself
 * stays when only its outcome draft expires: the outcome can still be recorded again.
 */
export async function purgeExpiredDrafts(db: Db, now: Date, options: { draftHours?: number } = {}): Promise<DraftPurgeResult> {
  const cutoff = new Date(now.getTime() - (options.draftHours ?? DRAFT_HOURS) * 3_600_000).toISOString();
  return db.sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [PURGE_LOCK]);
    const count = async (text: string, params: unknown[] = [cutoff]) => (await tx.query<{ n: number }>(`WITH gone AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM gone`, params))[0]!.n;
    // updated_at: editing a draft (a second anonymisation round) counts as still working on it.
    const twintigOgenDrafts = await count(`DELETE FROM consultation_request WHERE status = 'draft' AND updated_at < $1::timestamp`);
    const outcomeDrafts = await count(
      `UPDATE consultation_request SET outcome_draft = NULL
       WHERE outcome_draft IS NOT NULL AND status = ANY($2::text[]) AND updated_at < $1::timestamp`,
      [cutoff, ON_AGENDA],
    );
    const vierOgenDrafts = await count(
      `DELETE FROM vier_ogen_request WHERE (status = 'draft' OR (status = 'withdrawn' AND asked_at IS NULL)) AND created_at < $1::timestamp`,
    );
    return { twintigOgenDrafts, outcomeDrafts, vierOgenDrafts };
  });
}
