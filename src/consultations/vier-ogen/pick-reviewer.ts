import type { Sql } from '../../lib/db.ts';
import { ROTATION_PERIOD_DAYS } from './request.ts';

export interface PickReviewerInput {
  teamId: string;
  requesterId: string;
  expertise: string | null;
  /** Members who passed or did not answer on this request. */
  exclude: string[];
  now: Date;
  /** The team's local date today, for absences. */
  today: string;
}

/**
 * Fair rotation: team members other than the requester, not absent and not already asked; those
 * with the wanted expertise first; then the fewest asks over the recent period, then the longest
 * ago asked, then by user id so the choice is stable.
 */
export async function pickReviewer(sql: Sql, input: PickReviewerInput): Promise<string | undefined> {
  const since = new Date(input.now.getTime() - ROTATION_PERIOD_DAYS * 86_400_000);
  const rows = await sql.query<{ user_id: string }>(
    `SELECT m.user_id
     FROM team_member m
     LEFT JOIN member_profile p ON p.team_id = m.team_id AND p.user_id = m.user_id
     LEFT JOIN LATERAL (
       SELECT count(*) AS asks, max(a.asked_at) AS last_asked FROM vier_ogen_ask a
       WHERE a.team_id = m.team_id AND a.reviewer_id = m.user_id AND a.asked_at >= $4
     ) r ON true
     WHERE m.team_id = $1 AND m.user_id <> $2 AND NOT (m.user_id = ANY($3::text[]))
       AND (p.absent_until IS NULL OR p.absent_until < $5::date)
     ORDER BY CASE WHEN $6::text IS NOT NULL AND $6::text = ANY(coalesce(p.expertise, '{}')) THEN 0 ELSE 1 END,
              r.asks, r.last_asked NULLS FIRST, m.user_id
     LIMIT 1`,
    [input.teamId, input.requesterId, input.exclude, since, input.today, input.expertise],
  );
  return rows[0]?.user_id;
}
