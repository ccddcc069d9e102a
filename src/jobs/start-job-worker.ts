import type { JobContext, JobDefinition } from './job.ts';
import { runDueJobs } from './run-due-jobs.ts';

/** Polls for due jobs until stopped; a failing round is logged and the next round tries again. */
export function startJobWorker<C extends JobContext>(ctx: C, definitions: readonly JobDefinition<any, C>[], intervalMs: number): () => Promise<void> {
  let round: Promise<unknown> | undefined;
  const tick = () => {
    if (round) return; // the previous round is still busy
    round = runDueJobs(ctx, definitions)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'job round failed'))
      .finally(() => {
        round = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await round;
  };
}
