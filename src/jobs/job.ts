import type { z } from 'zod';
import type { Clock } from '../lib/clock.ts';
import type { Db } from '../lib/db.ts';
import type { Logger } from '../lib/logger.ts';

/** What the job worker needs of the context it hands to every job; the caller decides the rest. */
export interface JobContext {
  db: Db;
  clock: Clock;
  logger: Logger;
}

/**
 * A kind of job: `{ kind: 'area.verb-noun', payload, run }`. Handlers must be idempotent: a process
 * that dies after running a job but before marking it done leaves it to run again after its lease.
 * Features define theirs with `defineJob` from the feature kit, which gives `run` the full Context.
 */
export interface JobDefinition<P = unknown, C extends JobContext = JobContext> {
  kind: string;
  payload: z.ZodType<P>;
  run(ctx: C, payload: P, job: { id: string; runAt: Date }): Promise<void>;
}
