import type { Context } from '../../assistant/context.ts';
import { isMeetingDate, plannedMeeting, type Rhythm } from '../rhythm/rhythm.ts';
import { cancelMeetingJobs } from './change-item.ts';
import { placeRequest } from './place-request.ts';
import { ON_AGENDA, scheduleMeetingJobs } from './upcoming-meetings.ts';

/**
 * After a rhythm change: future regular meetings move to the new times, and those on a date that
 * no longer fits are cancelled; their cases are placed again. Returns how many cases moved.
 */
export async function reconcileMeetings(ctx: Context, rhythm: Rhythm): Promise<number> {
  const { prisma } = ctx.db;
  const meetings = await prisma.consultationMeeting.findMany({
    where: { teamId: rhythm.teamId, kind: 'regular', status: 'planned', startsAt: { gt: ctx.clock.now() } },
  });
  let moved = 0;
  for (const meeting of meetings) {
    if (isMeetingDate(rhythm, meeting.localDate)) {
      const planned = plannedMeeting(rhythm, meeting.localDate);
      if (planned.startsAt.getTime() !== meeting.startsAt.getTime() || planned.endsAt.getTime() !== meeting.endsAt.getTime()) {
        await prisma.consultationMeeting.update({ where: { id: meeting.id }, data: { startsAt: planned.startsAt, endsAt: planned.endsAt } });
        await scheduleMeetingJobs(ctx, { ...meeting, ...planned }, rhythm.timeZone);
      }
      continue;
    }
    await prisma.consultationMeeting.update({ where: { id: meeting.id }, data: { status: 'cancelled' } });
    await cancelMeetingJobs(ctx, meeting.id);
    const items = await prisma.consultationRequest.findMany({ where: { meetingId: meeting.id, status: { in: ON_AGENDA } }, orderBy: { position: 'asc' } });
    for (const item of items) {
      await prisma.consultationRequest.update({ where: { id: item.id }, data: { meetingId: null, status: 'requested' } });
      // A normal case stays at or after the date it was planned for; an urgent one takes the first fitting meeting.
      await placeRequest(ctx, item.id, { after: item.urgency === 'normal' ? meeting.startsAt : undefined });
      moved++;
    }
  }
  return moved;
}
