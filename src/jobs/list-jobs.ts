import type { Db } from '../lib/db.ts';

export interface JobRow {
  id: string;
  kind: string;
  teamId: string | null;
  status: string;
  runAt: Date;
  attempts: number;
  lastError: string | null;
  /** Ids of what the job is about (never texts). */
  payload: unknown;
}

/**
 * Jobs for the operator and for a lead's overview. `due`: waiting although their time has come (no
 * worker running, or one that died holding them); `failed`: given up after their attempts;
 * `planned`: still to come, soonest first.
 */
export async function listJobs(db: Db, input: { which: 'due' | 'failed' | 'planned'; now: Date; teamId?: string; limit?: number }): Promise<JobRow[]> {
  const condition = {
    due: `((status = 'pending' AND run_at <= $3) OR (status = 'running' AND locked_until < $3))`,
    failed: `status = 'failed'`,
    planned: `status = 'pending' AND run_at > $3`,
  }[input.which];
  const order = input.which === 'failed' ? 'coalesce(finished_at, run_at) DESC' : 'run_at ASC';
  const params: unknown[] = [input.teamId ?? null, input.limit ?? 50, ...(input.which === 'failed' ? [] : [input.now])];
  const rows = await db.sql.query<{ id: string; kind: string; team_id: string | null; status: string; run_at: Date; attempts: number; last_error: string | null; payload: unknown }>(
    `SELECT id, kind, team_id, status, run_at, attempts, last_error, payload FROM job
     WHERE ${condition} AND ($1::text IS NULL OR team_id = $1) ORDER BY ${order}, id LIMIT $2`,
    params,
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, teamId: r.team_id, status: r.status, runAt: new Date(r.run_at), attempts: r.attempts, lastError: r.last_error, payload: r.payload }));
}
