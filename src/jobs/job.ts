import type { z } from 'zod';
import type { Context } from '../context.ts';

/**
 * A kind of job: `{ kind: 'area.verb-noun', payload, run }`. Handlers must be idempotent: a process
 * that dies after running a job but before marking it done leaves it to run again after its lease.
 */
export interface JobDefinition<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  run(ctx: Context, payload: P, job: { id: string; runAt: Date }): Promise<void>;
}

export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}
