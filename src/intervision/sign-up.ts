import { noticeReply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import type { Transaction } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { isMember } from '../teams/membership.ts';
import { findWerkvorm, preparationText } from './load-werkvormen.ts';
import { describeSlot, loadSlot, refreshAnnouncement, type Slot } from './slot.ts';

export type SignUpResult = { status: 'confirmed'; preparation: string } | { status: 'waiting'; position: number };

// One change of a slot's sign-ups at a time, so two people never take the last place together.
async function lockSlot(tx: Transaction, slotId: string): Promise<void> {
  await tx.$executeRaw`SELECT id FROM intervisie_slot WHERE id = ${slotId} FOR UPDATE`;
}

async function requireOpenSlot(ctx: Context, slotId: string, userId: string): Promise<Slot> {
  const slot = await loadSlot(ctx.db.prisma, slotId);
  if (!(await isMember(ctx.db.prisma, userId, slot.teamId))) throw new WijkwijsError('forbidden', 'Deze intervisie is van een ander team; aanmelden kan alleen voor je eigen team.');
  if (slot.status !== 'planned') throw new WijkwijsError('bad_request', 'Deze intervisie gaat niet door.');
  if (slot.startsAt <= ctx.clock.now()) throw new WijkwijsError('bad_request', 'Deze intervisie is al begonnen of voorbij.');
  return slot;
}

/** Confirmed while there is room, otherwise the next place on the waiting list. Signing up twice changes nothing. */
export async function signUp(ctx: Context, input: { slotId: string; userId: string }): Promise<SignUpResult> {
  const slot = await requireOpenSlot(ctx, input.slotId, input.userId);
  const now = ctx.clock.now();
  const result = await ctx.db.prisma.$transaction(async (tx) => {
    await lockSlot(tx, slot.id);
    const key = { slotId_userId: { slotId: slot.id, userId: input.userId } };
    const existing = await tx.intervisieSignup.findUnique({ where: key, select: { status: true, position: true } });
    if (existing?.status === 'confirmed') return { status: 'confirmed' as const };
    if (existing?.status === 'waiting') return { status: 'waiting' as const, position: existing.position! };
    const taken = await tx.intervisieSignup.count({ where: { slotId: slot.id, status: 'confirmed' } });
    const last = await tx.intervisieSignup.aggregate({ where: { slotId: slot.id, status: 'waiting' }, _max: { position: true } });
    const confirmed = taken < slot.capacity;
    const position = confirmed ? null : (last._max.position ?? 0) + 1;
    const signup = { status: confirmed ? ('confirmed' as const) : ('waiting' as const), position, updatedAt: now };
    await tx.intervisieSignup.upsert({ where: key, create: { slotId: slot.id, userId: input.userId, createdAt: now, ...signup }, update: signup });
    return confirmed ? { status: 'confirmed' as const } : { status: 'waiting' as const, position: position! };
  });
  await refreshAnnouncement(ctx, slot);
  ctx.logger.info({ slotId: slot.id, status: result.status }, 'intervisie sign-up');
  if (result.status === 'waiting') return result;
  return { status: 'confirmed', preparation: preparationText(findWerkvorm(ctx.config.knowledgeDir, slot.method)) };
}

/**
 * Cancels a sign-up. When a confirmed participant leaves, the first on the waiting list gets the
 * place and hears so, with the preparation; the others move up one place.
 */
export async function cancelSignup(ctx: Context, input: { slotId: string; userId: string }): Promise<{ was: string | null; promoted: string | null }> {
  const slot = await loadSlot(ctx.db.prisma, input.slotId);
  if (!(await isMember(ctx.db.prisma, input.userId, slot.teamId))) throw new WijkwijsError('forbidden', 'Deze intervisie is van een ander team.');
  const now = ctx.clock.now();
  const outcome = await ctx.db.prisma.$transaction(async (tx) => {
    await lockSlot(tx, slot.id);
    const mine = await tx.intervisieSignup.findUnique({ where: { slotId_userId: { slotId: slot.id, userId: input.userId } }, select: { status: true, position: true } });
    if (!mine || mine.status === 'cancelled') return { was: null, promoted: null };
    await tx.intervisieSignup.update({ where: { slotId_userId: { slotId: slot.id, userId: input.userId } }, data: { status: 'cancelled', position: null, updatedAt: now } });
    const moveUp = (behind: number) =>
      tx.intervisieSignup.updateMany({ where: { slotId: slot.id, status: 'waiting', position: { gt: behind } }, data: { position: { decrement: 1 }, updatedAt: now } });
    if (mine.status === 'waiting') {
      await moveUp(mine.position!);
      return { was: 'waiting', promoted: null };
    }
    const next = await tx.intervisieSignup.findFirst({ where: { slotId: slot.id, status: 'waiting' }, orderBy: { position: 'asc' }, select: { userId: true } });
    if (!next) return { was: 'confirmed', promoted: null };
    await tx.intervisieSignup.update({ where: { slotId_userId: { slotId: slot.id, userId: next.userId } }, data: { status: 'confirmed', position: null, updatedAt: now } });
    await moveUp(0);
    return { was: 'confirmed', promoted: next.userId };
  });
  if (outcome.promoted && slot.startsAt > now) {
    const preparation = preparationText(findWerkvorm(ctx.config.knowledgeDir, slot.method));
    await ctx.messenger.send({
      to: { userId: outcome.promoted },
      key: `intervisie.promoted:${slot.id}:${outcome.promoted}`,
      reply: noticeReply(`Goed nieuws: er is een plek vrijgekomen en je bent nu aangemeld voor\n${await describeSlot(ctx, slot)}\n\n${preparation}`, {
        actions: [{ id: 'intervisie.cancel', label: 'Kan toch niet', value: slot.id }],
      }),
    });
  }
  if (outcome.was) await refreshAnnouncement(ctx, slot);
  ctx.logger.info({ slotId: slot.id, was: outcome.was, promoted: Boolean(outcome.promoted) }, 'intervisie sign-up cancelled');
  return outcome;
}
