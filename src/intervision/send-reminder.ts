import { noticeReply } from '../assistant/reply.ts';
import { z } from 'zod';
import type { Context } from '../assistant/context.ts';
import { defineJob } from '../assistant/feature-kit.ts';
import { scheduleJob } from '../jobs/schedule-job.ts';
import { addDays, atLocalTime } from '../lib/time.ts';
import { describeSlot, loadSlot, type Slot } from './slot.ts';

const REMINDER_JOB = 'intervisie.send-reminder';
const KINDS = ['day-before', 'hour-before'] as const;
type ReminderKind = (typeof KINDS)[number];

/** The day before at 09:00 local time, and an hour before the start. */
export function reminderTimes(slot: Pick<Slot, 'startsAt' | 'localDate' | 'timeZone'>): Record<ReminderKind, Date> {
  return {
    'day-before': atLocalTime(addDays(slot.localDate, -1), '09:00', slot.timeZone),
    'hour-before': new Date(slot.startsAt.getTime() - 3_600_000),
  };
}

export async function scheduleReminders(ctx: Context, slot: Slot): Promise<void> {
  const now = ctx.clock.now();
  const times = reminderTimes(slot);
  for (const kind of KINDS) {
    if (times[kind] <= now) continue;
    await scheduleJob(ctx.db, { kind: REMINDER_JOB, payload: { slotId: slot.id, kind }, runAt: times[kind], key: `intervisie.reminder:${slot.id}:${kind}` });
  }
}

/** Reminds each confirmed participant; one message per person and reminder, so a rerun sends nothing new. */
export const sendReminder = defineJob({
  kind: REMINDER_JOB,
  payload: z.object({ slotId: z.string(), kind: z.enum(KINDS) }),
  async run(ctx, payload) {
    const slot = await loadSlot(ctx.db.prisma, payload.slotId).catch(() => undefined);
    if (!slot || slot.status !== 'planned') return;
    const participants = await ctx.db.prisma.intervisieSignup.findMany({ where: { slotId: slot.id, status: 'confirmed' }, orderBy: { userId: 'asc' }, select: { userId: true } });
    const when = payload.kind === 'day-before' ? 'Morgen is er intervisie' : 'Over een uur begint de intervisie';
    const text = `${when}:\n${await describeSlot(ctx, slot)}`;
    for (const p of participants) {
      await ctx.messenger.send({
        to: { userId: p.userId },
        key: `intervisie.reminder:${slot.id}:${payload.kind}:${p.userId}`,
        reply: noticeReply(text, { actions: [{ id: 'intervisie.cancel', label: 'Toch afmelden', value: slot.id }] }),
      });
    }
    ctx.logger.info({ slotId: slot.id, kind: payload.kind, participants: participants.length }, 'intervisie reminders sent');
  },
});
