import type { JobContext, JobDefinition } from './job.ts';

/** How long a claimed job is reserved for its process; after that another process may take it over. */
const LEASE_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  run_at: Date;
  attempts: number;
  /** The lease this claim set; finishing the job only touches the row while it still holds it. */
  locked_until: Date;
}

export interface RunDueJobsResult {
  ran: number;
  failed: number;
}

/**
 * Claims the jobs due at the context's clock and runs them. `FOR UPDATE SKIP LOCKED` lets several
 * processes share one database: each due job is claimed by exactly one of them. A job whose process
 * died is claimed again once its lease has passed.
 */
export async function runDueJobs<C extends JobContext>(ctx: C, definitions: readonly JobDefinition<any, C>[], options: { limit?: number } = {}): Promise<RunDueJobsResult> {
  const byKind = new Map(definitions.map((d) => [d.kind, d]));
  const result: RunDueJobsResult = { ran: 0, failed: 0 };
  for (;;) {
    const now = ctx.clock.now();
    const claimed = await ctx.db.sql.query<ClaimedJob>(
      `UPDATE job SET status = 'running', attempts = attempts + 1, locked_until = $2
       WHERE id IN (
         SELECT id FROM job
         WHERE (status = 'pending' AND run_at <= $1) OR (status = 'running' AND locked_until < $1)
         ORDER BY run_at, id
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, payload, run_at, attempts, locked_until`,
      [now, new Date(now.getTime() + LEASE_MS), options.limit ?? 20],
    );
    if (claimed.length === 0) return result;
    for (const job of claimed) {
      const ok = await runOne(ctx, byKind.get(job.kind), job);
      if (ok) result.ran++;
      else result.failed++;
    }
  }
}

async function runOne<C extends JobContext>(ctx: C, definition: JobDefinition<any, C> | undefined, job: ClaimedJob): Promise<boolean> {
  const started = Date.now();
  try {
    if (!definition) throw new Error(`no handler for job kind ${job.kind}`);
    const payload = definition.payload.parse(job.payload);
    await definition.run(ctx, payload, { id: job.id, runAt: new Date(job.run_at) });
    // A handler may schedule its own key again (the next reminder, the next reviewer's time-out):
    // that resets the row to pending and drops the lease, and then this claim must leave it alone.
    await ctx.db.sql.query(`UPDATE job SET status = 'done', finished_at = $2, locked_until = NULL WHERE id = $1 AND status = 'running' AND locked_until = $3`, [
      job.id,
      ctx.clock.now(),
      job.locked_until,
    ]);
    ctx.logger.info({ jobId: job.id, kind: job.kind, durationMs: Date.now() - started }, 'job done');
    return true;
  } catch (error) {
    // Retry with backoff (1, 2, 4, 8 minutes); the error's message is logged, never the payload.
    const giveUp = !definition || job.attempts >= MAX_ATTEMPTS;
    const retryAt = new Date(ctx.clock.now().getTime() + 60_000 * 2 ** (job.attempts - 1));
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error);
    await ctx.db.sql.query(
      // Typed parameters: inside CASE an untyped parameter would be taken as text.
      `UPDATE job SET status = $2::text, run_at = CASE WHEN $2::text = 'pending' THEN $3::timestamp(3) ELSE run_at END, locked_until = NULL, last_error = $4,
         finished_at = CASE WHEN $2::text = 'failed' THEN $5::timestamp(3) ELSE NULL END WHERE id = $1 AND status = 'running' AND locked_until = $6`,
      [job.id, giveUp ? 'failed' : 'pending', retryAt, message, ctx.clock.now(), job.locked_until],
    );
    ctx.logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, giveUp, err: { message } }, 'job failed');
    return false;
  }
}
