import { z } from 'zod';
import { defineJob } from '../../assistant/feature-kit.ts';
import { TIME_OUT_JOB } from './ask-next-reviewer.ts';
import { namePeople } from '../../people/name-people.ts';
import { passCheck } from './pass-check.ts';

/** No answer in time from the asked colleague: ask the next one. A stale time-out does nothing. */
export const timeOutCheck = defineJob({
  kind: TIME_OUT_JOB,
  payload: z.object({ requestId: z.string(), reviewerId: z.string() }),
  async run(ctx, payload) {
    await passCheck(ctx, { ...payload, outcome: 'timed_out' });
  },
  async describe(ctx, payload) {
    const request = await ctx.db.prisma.vierOgenRequest.findUnique({ where: { id: payload.requestId }, select: { status: true, reviewerId: true } });
    if (request?.status !== 'asked' || request.reviewerId !== payload.reviewerId) return undefined;
    const names = await namePeople(ctx, [payload.reviewerId]);
    return { text: `reactietijd van ${names.name(payload.reviewerId)} voor een vier-ogen check loopt af; daarna gaat hij naar de volgende`, people: names.named() };
  },
});
