import { z } from 'zod';
import { defineJob } from '../../assistant/feature-kit.ts';
import { closePoll } from './close-poll.ts';
import { remindFollowUp, REMIND_JOB } from './follow-ups.ts';
import { CLOSE_POLL_JOB } from './open-poll.ts';
import { postAgenda } from './post-agenda.ts';
import { askOutcome } from './record-outcome.ts';
import { AGENDA_JOB, ON_AGENDA, OUTCOME_JOB } from './upcoming-meetings.ts';
import type { Context } from '../../assistant/context.ts';
import type { JobDescription } from '../../jobs/job.ts';
import { formatDutch } from '../../lib/time.ts';
import { namePeople } from '../../people/name-people.ts';
import { getTeamRhythm } from '../rhythm/get-team-rhythm.ts';

const id = z.string().min(1).max(100);

/** A meeting's job in words for the lead's overview, or undefined when the meeting has nothing left on it. */
async function describeMeetingJob(ctx: Context, meetingId: string, what: string): Promise<JobDescription | undefined> {
  const meeting = await ctx.db.prisma.consultationMeeting.findUnique({ where: { id: meetingId } });
  if (!meeting || meeting.status !== 'planned') return undefined;
  const cases = await ctx.db.prisma.consultationRequest.count({ where: { meetingId, status: { in: ON_AGENDA } } });
  if (cases === 0) return undefined;
  const zone = (await getTeamRhythm(ctx.db.prisma, meeting.teamId))?.timeZone;
  return { text: `${what} ${meeting.kind === 'extra' ? 'de extra casusbespreking' : 'het teamoverleg'} van ${formatDutch(meeting.startsAt, zone)} (${cases} ${cases === 1 ? 'casus' : 'casussen'})` };
}

export const TWINTIG_JOBS = [
  defineJob({
    kind: AGENDA_JOB,
    payload: z.object({ meetingId: id }),
    run: (ctx, p) => postAgenda(ctx, p.meetingId),
    describe: (ctx, p) => describeMeetingJob(ctx, p.meetingId, 'agenda twintig ogen in het teamkanaal voor'),
  }),
  defineJob({
    kind: OUTCOME_JOB,
    payload: z.object({ meetingId: id }),
    run: (ctx, p) => askOutcome(ctx, p.meetingId),
    describe: (ctx, p) => describeMeetingJob(ctx, p.meetingId, 'vraag naar de uitkomst van'),
  }),
  defineJob({
    kind: CLOSE_POLL_JOB,
    payload: z.object({ pollId: id }),
    run: async (ctx, p) => void (await closePoll(ctx, p.pollId)),
    describe: async (ctx, p) => ((await ctx.db.prisma.consultationPoll.findUnique({ where: { id: p.pollId }, select: { status: true } }))?.status === 'open' ? { text: 'de peiling voor een extra casusbespreking sluit' } : undefined),
  }),
  defineJob({
    kind: REMIND_JOB,
    payload: z.object({ followUpId: id }),
    run: (ctx, p) => remindFollowUp(ctx, p.followUpId),
    async describe(ctx, p) {
      const f = await ctx.db.prisma.consultationFollowUp.findUnique({ where: { id: p.followUpId }, select: { ownerId: true, status: true } });
      if (f?.status !== 'open') return undefined;
      const names = await namePeople(ctx, [f.ownerId]);
      return { text: `herinnering aan ${names.name(f.ownerId)} voor een afspraak uit een casusbespreking`, people: names.named() };
    },
  }),
];
