import type { Context } from '../../assistant/context.ts';
import { cancelJobs } from '../../jobs/schedule-job.ts';
import { localDate } from '../../lib/time.ts';
import { requireTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { announceItem } from './announce-item.ts';
import { pollKey, sendPoll, tally } from './open-poll.ts';
import { nextPosition, scheduleMeetingJobs } from './upcoming-meetings.ts';

/**
 * Closes a poll (by its job or a facilitator): the option with the most votes, the earliest on a
 * tie, becomes an extra meeting with the case on it. Idempotent: a closed poll stays as it is.
 */
export async function closePoll(ctx: Context, pollId: string): Promise<{ meetingId?: string }> {
  const { prisma } = ctx.db;
  // Claim the poll first, so two closers (the job and a click) cannot both plan a meeting.
  const claimed = await prisma.consultationPoll.updateMany({ where: { id: pollId, status: 'open' }, data: { status: 'closing' } });
  if (claimed.count === 0) return {};
  const poll = await prisma.consultationPoll.findUniqueOrThrow({ where: { id: pollId } });
  await cancelJobs(ctx.db, pollKey(pollId));
  const item = await prisma.consultationRequest.findUniqueOrThrow({ where: { id: poll.requestId } });
  if (item.status !== 'requested') {
    await prisma.consultationPoll.update({ where: { id: pollId }, data: { status: 'closed' } });
    await sendPoll(ctx, pollId);
    return {};
  }
  const rhythm = await requireTeamRhythm(prisma, poll.teamId);
  const counts = tally(poll.options, poll.votes as Record<string, number>);
  const best = counts.reduce((winner, n, i) => (n > counts[winner]! || (n === counts[winner]! && poll.options[i]! < poll.options[winner]!) ? i : winner), 0);
  const startsAt = poll.options[best]!;
  const date = localDate(startsAt, rhythm.timeZone);
  const endsAt = new Date(startsAt.getTime() + rhythm.minutesPerCase * 60_000);
  const meeting = await prisma.consultationMeeting.upsert({
    where: { teamId_localDate_kind: { teamId: poll.teamId, localDate: date, kind: 'extra' } },
    create: { teamId: poll.teamId, localDate: date, startsAt, endsAt, kind: 'extra' },
    update: { status: 'planned' },
  });
  const position = await nextPosition(ctx, meeting.id);
  await prisma.consultationRequest.update({ where: { id: item.id }, data: { meetingId: meeting.id, position, status: 'scheduled' } });
  await prisma.consultationPoll.update({ where: { id: pollId }, data: { status: 'closed', meetingId: meeting.id } });
  await scheduleMeetingJobs(ctx, meeting, rhythm.timeZone);
  await sendPoll(ctx, pollId);
  await announceItem(ctx, item.id);
  ctx.logger.info({ pollId, meetingId: meeting.id, votes: counts[best] }, 'extra session planned');
  return { meetingId: meeting.id };
}
