/**
 * The regular meetings ahead, materialised from the rhythm when a case needs a place, with how
 * many cases each already holds. Also schedules each meeting's jobs (agenda, outcome).
 */
import type { Context } from '../../assistant/context.ts';
import { scheduleJob } from '../../jobs/schedule-job.ts';
import { addDays, atLocalTime, localDate } from '../../lib/time.ts';
import { meetingDates, plannedMeeting, type Rhythm } from '../rhythm/rhythm.ts';
import type { MeetingSlot } from './allocate-meeting.ts';

/** Statuses of a case that hold a place on a meeting's agenda. */
export const ON_AGENDA = ['scheduled', 'approved'];

export const AGENDA_JOB = 'twintig.post-agenda';
export const OUTCOME_JOB = 'twintig.ask-outcome';
/** The agenda goes out at this local time on the day before the meeting. */
export const AGENDA_TIME = '16:00';

export type MeetingSlotRow = MeetingSlot & { kind: string; endsAt: Date };

export async function upcomingMeetings(ctx: Context, rhythm: Rhythm, count = 8): Promise<MeetingSlotRow[]> {
  const { prisma } = ctx.db;
  const now = ctx.clock.now();
  const dates = meetingDates(rhythm, localDate(now, rhythm.timeZone), count + 1);
  const slots: MeetingSlotRow[] = [];
  for (const date of dates) {
    const planned = plannedMeeting(rhythm, date);
    if (planned.startsAt <= now) continue;
    const row = await prisma.consultationMeeting.upsert({
      where: { teamId_localDate_kind: { teamId: rhythm.teamId, localDate: date, kind: 'regular' } },
      create: { teamId: rhythm.teamId, localDate: date, startsAt: planned.startsAt, endsAt: planned.endsAt, kind: 'regular' },
      update: { startsAt: planned.startsAt, endsAt: planned.endsAt, status: 'planned' },
    });
    slots.push({ id: row.id, localDate: date, startsAt: row.startsAt, endsAt: row.endsAt, kind: 'regular', used: 0, capacity: rhythm.casesPerMeeting });
  }
  const counts = await prisma.consultationRequest.groupBy({
    by: ['meetingId'],
    where: { meetingId: { in: slots.map((s) => s.id) }, status: { in: ON_AGENDA } },
    _count: { _all: true },
  });
  for (const c of counts) {
    const slot = slots.find((s) => s.id === c.meetingId);
    if (slot) slot.used = c._count._all;
  }
  return slots.slice(0, count);
}

/** (Re)schedules the agenda post the day before and the outcome question at the end; same keys move them. */
export async function scheduleMeetingJobs(ctx: Context, meeting: { id: string; localDate: string; endsAt: Date }, timeZone: string): Promise<void> {
  await scheduleJob(ctx.db, {
    kind: AGENDA_JOB,
    key: `twintig.agenda:${meeting.id}`,
    payload: { meetingId: meeting.id },
    runAt: atLocalTime(addDays(meeting.localDate, -1), AGENDA_TIME, timeZone),
  });
  await scheduleJob(ctx.db, { kind: OUTCOME_JOB, key: `twintig.outcome:${meeting.id}`, payload: { meetingId: meeting.id }, runAt: meeting.endsAt });
}

/** The next position on a meeting's agenda. */
export async function nextPosition(ctx: Context, meetingId: string): Promise<number> {
  const last = await ctx.db.prisma.consultationRequest.aggregate({ where: { meetingId, status: { in: ON_AGENDA } }, _max: { position: true } });
  return (last._max.position ?? 0) + 1;
}

/** Renumbers the agenda 1, 2, 3… in its current order, after a case left it. */
export async function renumberAgenda(ctx: Context, meetingId: string): Promise<string[]> {
  const items = await ctx.db.prisma.consultationRequest.findMany({ where: { meetingId, status: { in: ON_AGENDA } }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] });
  const changed: string[] = [];
  for (const [i, item] of items.entries()) {
    if (item.position !== i + 1) {
      await ctx.db.prisma.consultationRequest.update({ where: { id: item.id }, data: { position: i + 1 } });
      changed.push(item.id);
    }
  }
  return changed;
}
