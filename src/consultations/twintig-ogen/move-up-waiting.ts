import type { Context } from '../../assistant/context.ts';
import { noticeReply } from '../../assistant/reply.ts';
import { formatDutch } from '../../lib/time.ts';
import { getTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { announceItem } from './announce-item.ts';
import { closePoll } from './close-poll.ts';
import { refreshPostedAgenda } from './post-agenda.ts';
import { ON_AGENDA, nextPosition, renumberAgenda } from './upcoming-meetings.ts';

/**
 * A place came free on a regular meeting's agenda (a case was withdrawn or moved away): the case that
 * has waited longest moves up into it: first one without any place yet, else one on a later meeting,
 * as long as the meeting suits its urgency. Its requester hears so; the agendas follow. `exclude`: the
 * case that just left, which must not be pulled back.
 */
export async function moveUpWaiting(ctx: Context, meetingId: string, exclude?: string): Promise<string | undefined> {
  const { prisma } = ctx.db;
  const meeting = await prisma.consultationMeeting.findUnique({ where: { id: meetingId } });
  if (!meeting || meeting.kind !== 'regular' || meeting.status !== 'planned' || meeting.startsAt <= ctx.clock.now()) return undefined;
  const rhythm = await getTeamRhythm(prisma, meeting.teamId);
  if (!rhythm) return undefined;
  const used = await prisma.consultationRequest.count({ where: { meetingId, status: { in: ON_AGENDA } } });
  if (used >= rhythm.casesPerMeeting) return undefined;
  const waiting = await prisma.consultationRequest.findMany({
    where: {
      teamId: meeting.teamId,
      id: exclude ? { not: exclude } : undefined,
      OR: [{ status: 'requested' }, { status: { in: ON_AGENDA }, meeting: { startsAt: { gt: meeting.startsAt } } }],
    },
    orderBy: { createdAt: 'asc' },
  });
  const fits = (c: (typeof waiting)[number]) => c.urgency !== 'urgent' || !c.latestDate || meeting.localDate <= c.latestDate;
  const next = waiting.find((c) => c.status === 'requested' && fits(c)) ?? waiting.find(fits);
  if (!next) return undefined;
  const position = await nextPosition(ctx, meetingId);
  await prisma.consultationRequest.update({ where: { id: next.id }, data: { meetingId, position, status: 'scheduled' } });
  // An open poll for an extra session has nothing left to plan now.
  for (const poll of await prisma.consultationPoll.findMany({ where: { requestId: next.id, status: 'open' }, select: { id: true } })) await closePoll(ctx, poll.id);
  if (next.meetingId) {
    for (const id of await renumberAgenda(ctx, next.meetingId)) await announceItem(ctx, id);
    await refreshPostedAgenda(ctx, next.meetingId);
  }
  await announceItem(ctx, next.id);
  await refreshPostedAgenda(ctx, meetingId);
  await ctx.messenger.send({
    to: { userId: next.requesterId },
    reply: noticeReply(
      `Goed nieuws: er kwam een plek vrij. Je twintig-ogen casus (${next.dilemma}) staat nu op de agenda van het teamoverleg van ${formatDutch(meeting.startsAt, rhythm.timeZone)} (punt ${position}).`,
    ),
  });
  ctx.logger.info({ requestId: next.id, meetingId, from: next.meetingId ? 'later meeting' : 'no place' }, 'twintig-ogen case moved up');
  return next.id;
}
