import { z } from 'zod';
import { defineJob } from '../../assistant/feature-kit.ts';
import { closePoll } from './close-poll.ts';
import { remindFollowUp, REMIND_JOB } from './follow-ups.ts';
import { CLOSE_POLL_JOB } from './open-poll.ts';
import { postAgenda } from './post-agenda.ts';
import { askOutcome } from './record-outcome.ts';
import { AGENDA_JOB, OUTCOME_JOB } from './upcoming-meetings.ts';

const id = z.string().min(1).max(100);

export const TWINTIG_JOBS = [
  defineJob({ kind: AGENDA_JOB, payload: z.object({ meetingId: id }), run: (ctx, p) => postAgenda(ctx, p.meetingId) }),
  defineJob({ kind: OUTCOME_JOB, payload: z.object({ meetingId: id }), run: (ctx, p) => askOutcome(ctx, p.meetingId) }),
  defineJob({ kind: CLOSE_POLL_JOB, payload: z.object({ pollId: id }), run: async (ctx, p) => void (await closePoll(ctx, p.pollId)) }),
  defineJob({ kind: REMIND_JOB, payload: z.object({ followUpId: id }), run: (ctx, p) => remindFollowUp(ctx, p.followUpId) }),
];
