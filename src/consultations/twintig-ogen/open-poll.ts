/** A poll in the team channel for the time of an extra short session (`twintig.poll:<id>`). */
import type { Reply } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { scheduleJob } from '../../jobs/schedule-job.ts';
import { formatDutch } from '../../lib/time.ts';
import type { Rhythm } from '../rhythm/rhythm.ts';
import { message, shorten } from './announce-item.ts';

export const CLOSE_POLL_JOB = 'twintig.close-poll';
export const pollKey = (pollId: string) => `twintig.poll:${pollId}`;

const HOUR = 3_600_000;

/** Voting closes a day after the poll opens, but at the latest half a day before the first option (and at least an hour after opening). */
export function pollClosesAt(now: Date, firstOption: Date): Date {
  const latest = Math.min(now.getTime() + 24 * HOUR, firstOption.getTime() - 12 * HOUR);
  return new Date(Math.max(now.getTime() + HOUR, latest));
}

export async function openPoll(ctx: Context, input: { teamId: string; requestId: string; options: Date[]; rhythm: Rhythm }): Promise<string> {
  const closesAt = pollClosesAt(ctx.clock.now(), input.options[0]!);
  const poll = await ctx.db.prisma.consultationPoll.create({ data: { teamId: input.teamId, requestId: input.requestId, options: input.options, closesAt } });
  await scheduleJob(ctx.db, { kind: CLOSE_POLL_JOB, key: pollKey(poll.id), payload: { pollId: poll.id }, runAt: closesAt });
  await sendPoll(ctx, poll.id);
  ctx.logger.info({ pollId: poll.id, requestId: input.requestId, options: input.options.length }, 'extra session poll opened');
  return poll.id;
}

export function tally(options: Date[], votes: Record<string, number>): number[] {
  const counts = options.map(() => 0);
  for (const choice of Object.values(votes)) if (counts[choice] !== undefined) counts[choice]++;
  return counts;
}

export async function renderPoll(ctx: Context, pollId: string): Promise<Reply> {
  const { prisma } = ctx.db;
  const poll = await prisma.consultationPoll.findUniqueOrThrow({ where: { id: pollId } });
  const item = await prisma.consultationRequest.findUniqueOrThrow({ where: { id: poll.requestId } });
  const rhythm = await prisma.teamRhythm.findUnique({ where: { teamId: poll.teamId } });
  const zone = rhythm?.timeZone;
  const counts = tally(poll.options, poll.votes as Record<string, number>);
  if (poll.status !== 'open') {
    const meeting = poll.meetingId ? await prisma.consultationMeeting.findUnique({ where: { id: poll.meetingId } }) : null;
    return message(
      meeting
        ? `De extra casusbespreking is gepland op ${formatDutch(meeting.startsAt, zone)}. Dilemma: ${item.dilemma}`
        : 'De peiling voor een extra casusbespreking is gesloten; de casus is ingetrokken of had al een plek.',
    );
  }
  const lines = [
    `Er is een spoedcasus${item.latestDate ? ` die uiterlijk ${item.latestDate} besproken moet worden` : ''}, maar in het teamoverleg is geen plek op tijd.`,
    `Ik stel een extra korte casusbespreking voor van ${rhythm?.minutesPerCase ?? 30} minuten. Welk moment past jou?`,
    `Dilemma: ${item.dilemma}`,
    `Vraag aan het team: ${shorten(item.question, 300)}`,
    `De peiling sluit ${formatDutch(poll.closesAt, zone)}; het moment met de meeste stemmen wordt het.`,
  ];
  return message(lines.join('\n'), [
    ...poll.options.map((option, i) => ({ id: 'twintig.vote', label: `${formatDutch(option, zone)} (${counts[i]})`, value: `${poll.id}:${i}` })),
    { id: 'twintig.close-poll', label: 'Peiling nu sluiten', value: poll.id },
  ]);
}

export async function sendPoll(ctx: Context, pollId: string): Promise<void> {
  const poll = await ctx.db.prisma.consultationPoll.findUniqueOrThrow({ where: { id: pollId }, select: { teamId: true } });
  await ctx.messenger.send({ to: { teamId: poll.teamId }, key: pollKey(pollId), reply: await renderPoll(ctx, pollId) });
}
