import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../assistant/context.ts';
import { defineJob } from '../assistant/feature-kit.ts';
import { scheduleJob } from '../jobs/schedule-job.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { addDays, atLocalTime, DEFAULT_TIME_ZONE } from '../lib/time.ts';
import { findWerkvorm } from './load-werkvormen.ts';
import { announceSlot, loadSlot, type Slot } from './slot.ts';
import { scheduleReminders } from './send-reminder.ts';

/** A slot is announced in the team channel this long ahead, so a series does not flood it at once. */
export const ANNOUNCE_DAYS_AHEAD = 21;

export const RECURRENCES = { eenmalig: 0, 'elke-week': 1, 'elke-2-weken': 2, 'elke-4-weken': 4 } as const;
export type Recurrence = keyof typeof RECURRENCES;

export interface CreateSlotsInput {
  teamId: string;
  createdBy: string;
  title: string;
  method: string;
  facilitatorId: string | null;
  date: string;
  time: string;
  durationMinutes: number;
  place: string;
  capacity: number;
  recurrence: Recurrence;
  occurrences: number;
  timeZone?: string;
}

/**
 * Plans a one-off slot or a series. Each occurrence is its own slot with its own sign-ups; its
 * instant is computed from the local date and time, so "elke week 10:00" stays 10:00 across DST.
 */
export async function createSlots(ctx: Context, input: CreateSlotsInput): Promise<Slot[]> {
  const zone = input.timeZone ?? DEFAULT_TIME_ZONE;
  if (!findWerkvorm(ctx.config.knowledgeDir, input.method)) throw new WijkwijsError('bad_request', 'Kies een werkvorm uit de lijst.');
  const weeks = RECURRENCES[input.recurrence];
  const count = weeks === 0 ? 1 : input.occurrences;
  if (!Number.isInteger(count) || count < 1 || count > 26) throw new WijkwijsError('bad_request', 'Kies tussen 1 en 26 bijeenkomsten.');
  if (!Number.isInteger(input.capacity) || input.capacity < 2 || input.capacity > 30) throw new WijkwijsError('bad_request', 'Kies een groepsgrootte tussen 2 en 30.');
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 15 || input.durationMinutes > 480) throw new WijkwijsError('bad_request', 'Kies een duur tussen 15 en 480 minuten.');
  const now = ctx.clock.now();
  const first = atLocalTime(input.date, input.time, zone);
  if (first <= now) throw new WijkwijsError('bad_request', 'Kies een moment in de toekomst.');
  const seriesId = randomUUID();
  const recurrence = weeks === 0 ? 'none' : `weekly:${weeks}`;
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(input.date, 7 * weeks * i);
    slots.push(
      await ctx.db.prisma.intervisieSlot.create({
        data: {
          teamId: input.teamId,
          seriesId,
          title: input.title,
          method: input.method,
          facilitatorId: input.facilitatorId,
          startsAt: atLocalTime(date, input.time, zone),
          localDate: date,
          localTime: input.time,
          timeZone: zone,
          durationMinutes: input.durationMinutes,
          place: input.place,
          capacity: input.capacity,
          recurrence,
          createdBy: input.createdBy,
          createdAt: now,
        },
      }),
    );
  }
  for (const slot of slots) {
    const id = slot.id;
    await scheduleReminders(ctx, slot);
    const announceAt = new Date(slot.startsAt.getTime() - ANNOUNCE_DAYS_AHEAD * 86_400_000);
    if (announceAt <= now) await announceSlot(ctx, slot);
    else await scheduleJob(ctx.db, { kind: ANNOUNCE_JOB, payload: { slotId: id }, runAt: announceAt, key: `intervisie.announce:${id}` });
  }
  ctx.logger.info({ teamId: input.teamId, seriesId, slots: slots.length }, 'intervisie slots created');
  return slots;
}

const ANNOUNCE_JOB = 'intervisie.announce-slot';

export const announceSlotJob = defineJob({
  kind: ANNOUNCE_JOB,
  payload: z.object({ slotId: z.string() }),
  async run(ctx, payload) {
    const slot = await loadSlot(ctx.db.prisma, payload.slotId).catch(() => undefined);
    if (slot?.status === 'planned') await announceSlot(ctx, slot);
  },
});
