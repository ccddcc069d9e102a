import type { Db } from '../lib/db.ts';

export interface ScheduleJobInput {
  kind: string;
  payload: unknown;
  runAt: Date;
  /**
   * Identifies the job for moving or cancelling it, e.g. `twintig.agenda:<meetingId>`. Scheduling a
   * key again replaces a pending job with that key; a job that already ran is scheduled afresh, and
   * so is a job that is running right now (e.g. a handler scheduling its own next occurrence): the
   * running claim then finishes without marking the rescheduled row done.
   */
  key?: string;
  /** The team the job is for, so its leads see it in /overzicht. */
  teamId?: string;
}

export async function scheduleJob(db: Db, input: ScheduleJobInput): Promise<void> {
  const payload = JSON.stringify(input.payload ?? {});
  if (!input.key) {
    await db.sql.query(`INSERT INTO job (kind, payload, run_at, team_id) VALUES ($1, $2::jsonb, $3, $4)`, [input.kind, payload, input.runAt, input.teamId ?? null]);
    return;
  }
  await db.sql.query(
    `INSERT INTO job (kind, key, payload, run_at, team_id) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (key) DO UPDATE SET kind = EXCLUDED.kind, payload = EXCLUDED.payload, run_at = EXCLUDED.run_at, team_id = EXCLUDED.team_id,
       status = 'pending', attempts = 0, locked_until = NULL, last_error = NULL, finished_at = NULL, created_at = now()`,
    [input.kind, input.key, payload, input.runAt, input.teamId ?? null],
  );
}

/** Cancels pending jobs whose key equals `key` or, with a trailing `*`, starts with it. Returns how many. */
export async function cancelJobs(db: Db, key: string): Promise<number> {
  const prefix = key.endsWith('*');
  const rows = await db.sql.query<{ id: string }>(
    `UPDATE job SET status = 'cancelled', finished_at = now()
     WHERE status = 'pending' AND ${prefix ? 'starts_with(key, $1)' : 'key = $1'} RETURNING id`,
    [prefix ? key.slice(0, -1) : key],
  );
  return rows.length;
}
