import type { Context } from '../../src/assistant/context.ts';
import { FEATURE_JOBS } from '../../src/features.ts';
import type { JobDefinition } from '../../src/jobs/job.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import type { ManualClock } from '../../src/lib/clock.ts';

/**
 * Moves the clock to `iso`, running every job that falls due on the way at its own moment, as a
 * worker polling all the time would: a job scheduled by an earlier one runs when its time comes.
 */
export async function advanceClock(ctx: Context, clock: ManualClock, iso: string, jobs: readonly JobDefinition<any>[] = FEATURE_JOBS): Promise<void> {
  const target = new Date(iso);
  for (;;) {
    const [next] = await ctx.db.sql.query<{ run_at: Date }>(`SELECT run_at FROM job WHERE status = 'pending' AND run_at <= $1 ORDER BY run_at LIMIT 1`, [target]);
    if (!next) break;
    const at = new Date(next.run_at);
    if (at > clock.now()) clock.set(at);
    await runDueJobs(ctx, jobs);
  }
  clock.set(target);
  await runDueJobs(ctx, jobs);
}
