/**
 * A lead (or procesbegeleider) calls off or moves a planned intervisie. Everyone signed up and on the
 * waiting list hears it personally, the team channel sees it, and the reminders follow the new time.
 */
import type { Context } from '../assistant/context.ts';
import { noticeReply } from '../assistant/reply.ts';
import { cancelJobs } from '../jobs/schedule-job.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { atLocalTime, formatDutch } from '../lib/time.ts';
import { namePeople } from '../people/name-people.ts';
import { scheduleReminders } from './send-reminder.ts';
import { loadSlot, refreshAnnouncement, requirePlanner, type Slot } from './slot.ts';

async function plannedSlot(ctx: Context, actorId: string, slotId: string): Promise<Slot> {
  const slot = await loadSlot(ctx.db.prisma, slotId);
  await requirePlanner(ctx, actorId, slot.teamId);
  if (slot.status !== 'planned') throw new WijkwijsError('bad_request', 'Deze intervisie was al afgezegd.');
  if (slot.startsAt <= ctx.clock.now()) throw new WijkwijsError('bad_request', 'Deze intervisie is al begonnen of voorbij.');
  return slot;
}

async function tellEveryone(ctx: Context, slot: Slot, actorId: string, text: (who: string) => string, withCancel: boolean): Promise<number> {
  const people = await ctx.db.prisma.intervisieSignup.findMany({ where: { slotId: slot.id, status: { in: ['confirmed', 'waiting'] } }, select: { userId: true, status: true } });
  const names = await namePeople(ctx, [actorId]);
  const message = text(names.name(actorId));
  await ctx.messenger.send({ to: { teamId: slot.teamId }, reply: noticeReply(message, { people: names.named() }) });
  for (const p of people) {
    const extra = p.status === 'waiting' ? ' Je stond op de wachtlijst; die blijft zoals hij was.' : '';
    await ctx.messenger.send({
      to: { userId: p.userId },
      reply: noticeReply(`${message}${extra}`, { people: names.named(), actions: withCancel ? [{ id: 'intervisie.cancel', label: 'Ik kan dan niet', value: slot.id }] : [] }),
    });
  }
  return people.length;
}

export async function cancelSlot(ctx: Context, actorId: string, slotId: string): Promise<number> {
  const slot = await plannedSlot(ctx, actorId, slotId);
  const cancelled = await ctx.db.prisma.intervisieSlot.update({ where: { id: slot.id }, data: { status: 'cancelled' } });
  await cancelJobs(ctx.db, `intervisie.reminder:${slot.id}:*`);
  await cancelJobs(ctx.db, `intervisie.announce:${slot.id}`);
  const when = formatDutch(slot.startsAt, slot.timeZone);
  const told = await tellEveryone(ctx, cancelled, actorId, (who) => `De intervisie "${slot.title}" van ${when} gaat niet door; ${who} heeft hem afgezegd.`, false);
  await refreshAnnouncement(ctx, cancelled);
  ctx.logger.info({ slotId: slot.id, told }, 'intervisie slot cancelled');
  return told;
}

export async function moveSlot(ctx: Context, actorId: string, slotId: string, to: { date: string; time: string }): Promise<{ slot: Slot; told: number }> {
  const slot = await plannedSlot(ctx, actorId, slotId);
  const startsAt = atLocalTime(to.date, to.time, slot.timeZone);
  if (startsAt <= ctx.clock.now()) throw new WijkwijsError('bad_request', 'Kies een nieuw moment in de toekomst.');
  if (startsAt.getTime() === slot.startsAt.getTime()) throw new WijkwijsError('bad_request', 'Dat is hetzelfde moment als nu; kies een andere datum of tijd.');
  const moved = await ctx.db.prisma.intervisieSlot.update({ where: { id: slot.id }, data: { startsAt, localDate: to.date, localTime: to.time } });
  // Reminders are keyed by slot and kind: the old ones go, the new times are planned afresh.
  await cancelJobs(ctx.db, `intervisie.reminder:${slot.id}:*`);
  await scheduleReminders(ctx, moved);
  const from = formatDutch(slot.startsAt, slot.timeZone);
  const told = await tellEveryone(ctx, moved, actorId, (who) => `De intervisie "${slot.title}" is verzet van ${from} naar ${formatDutch(startsAt, slot.timeZone)} (door ${who}). Je aanmelding blijft staan.`, true);
  await refreshAnnouncement(ctx, moved);
  ctx.logger.info({ slotId: slot.id, told }, 'intervisie slot moved');
  return { slot: moved, told };
}
