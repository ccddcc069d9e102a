import type { Context } from '../../assistant/context.ts';
import { localDate } from '../../lib/time.ts';
import { requireTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { allocateMeeting, extraSessionOptions, type Urgency } from './allocate-meeting.ts';
import { announceItem } from './announce-item.ts';
import { openPoll } from './open-poll.ts';
import { refreshPostedAgenda } from './post-agenda.ts';
import { nextPosition, scheduleMeetingJobs, upcomingMeetings } from './upcoming-meetings.ts';

export type Placement =
  | { kind: 'placed'; meetingId: string; startsAt: Date; position: number; timeZone: string }
  | { kind: 'poll'; pollId: string; options: Date[]; timeZone: string }
  /** No meeting in time and no working day left for an extra session. */
  | { kind: 'none'; timeZone: string };

/**
 * Puts a confirmed case on the first meeting that fits its urgency; when none does, opens a poll
 * for an extra short session. Announces the result in the team channel.
 */
export async function placeRequest(ctx: Context, requestId: string, options: { after?: Date } = {}): Promise<Placement> {
  const { prisma } = ctx.db;
  const item = await prisma.consultationRequest.findUniqueOrThrow({ where: { id: requestId } });
  const rhythm = await requireTeamRhythm(prisma, item.teamId);
  const now = ctx.clock.now();
  const slots = await upcomingMeetings(ctx, rhythm);
  const slot = allocateMeeting(slots, { urgency: item.urgency as Urgency, latestDate: item.latestDate, now, after: options.after });
  if (slot) {
    const position = await nextPosition(ctx, slot.id);
    await prisma.consultationRequest.update({ where: { id: item.id }, data: { meetingId: slot.id, position, status: 'scheduled' } });
    await scheduleMeetingJobs(ctx, slot, rhythm.timeZone);
    await announceItem(ctx, item.id);
    await refreshPostedAgenda(ctx, slot.id);
    ctx.logger.info({ requestId: item.id, meetingId: slot.id, position }, 'twintig-ogen case scheduled');
    return { kind: 'placed', meetingId: slot.id, startsAt: slot.startsAt, position, timeZone: rhythm.timeZone };
  }
  await prisma.consultationRequest.update({ where: { id: item.id }, data: { meetingId: null, position: 0, status: 'requested' } });
  const candidates = extraSessionOptions({
    today: localDate(now, rhythm.timeZone),
    latestDate: item.urgency === 'urgent' ? item.latestDate : undefined,
    startTime: rhythm.startTime,
    timeZone: rhythm.timeZone,
    avoid: [...rhythm.skippedDates, ...slots.map((s) => s.localDate)],
  });
  if (candidates.length === 0) {
    await announceItem(ctx, item.id);
    ctx.logger.info({ requestId: item.id }, 'twintig-ogen case without a place');
    return { kind: 'none', timeZone: rhythm.timeZone };
  }
  const pollId = await openPoll(ctx, { teamId: item.teamId, requestId: item.id, options: candidates.map((c) => c.startsAt), rhythm });
  return { kind: 'poll', pollId, options: candidates.map((c) => c.startsAt), timeZone: rhythm.timeZone };
}
