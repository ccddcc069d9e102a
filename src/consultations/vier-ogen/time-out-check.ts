import { z } from 'zod';
import { defineJob } from '../../assistant/feature-kit.ts';
import { TIME_OUT_JOB } from './ask-next-reviewer.ts';
import { passCheck } from './pass-check.ts';

/** No answer in time from the asked colleague: ask the next one. A stale time-out does nothing. */
export const timeOutCheck = defineJob({
  kind: TIME_OUT_JOB,
  payload: z.object({ requestId: z.string(), reviewerId: z.string() }),
  async run(ctx, payload) {
    await passCheck(ctx, { ...payload, outcome: 'timed_out' });
  },
});
