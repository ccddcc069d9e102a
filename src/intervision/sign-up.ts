import { noticeReply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { isMember } from '../teams/membership.ts';
import { findWerkvorm, preparationText } from './load-werkvormen.ts';
import { describeSlot, loadSlot, refreshAnnouncement, type Slot } from './slot.ts';

export type SignUpResult = { status: 'confirmed'; preparation: string } | { status: 'waiting'; position: number };

async function requireOpenSlot(ctx: Context, slotId: string, userId: string): Promise<Slot> {
  const slot = await loadSlot(ctx.db.sql, slotId);
  if (!(await isMember(ctx.db.prisma, userId, slot.team_id))) throw new WijkwijsError('forbidden', 'Deze intervisie is van een ander team; aanmelden kan alleen voor je eigen team.');
  if (slot.status !== 'planned') throw new WijkwijsError('bad_request', 'Deze intervisie gaat niet door.');
  if (new Date(slot.starts_at) <= ctx.clock.now()) throw new WijkwijsError('bad_request', 'Deze intervisie is al begonnen of voorbij.');
  return slot;
}

/** Confirmed while there is room, otherwise the next place on the waiting list. Signing up twice changes nothing. */
export async function signUp(ctx: Context, input: { slotId: string; userId: string }): Promise<SignUpResult> {
  const slot = await requireOpenSlot(ctx, input.slotId, input.userId);
  const now = ctx.clock.now();
  const result = await ctx.db.sql.transaction(async (tx) => {
    // One sign-up at a time per slot, so two people never take the last place together.
    await tx.query(`SELECT id FROM intervisie_slot WHERE id = $1 FOR UPDATE`, [slot.id]);
    const [existing] = await tx.query<{ status: string; position: number | null }>(`SELECT status, position FROM intervisie_signup WHERE slot_id = $1 AND user_id = $2`, [slot.id, input.userId]);
    if (existing?.status === 'confirmed') return { status: 'confirmed' as const };
    if (existing?.status === 'waiting') return { status: 'waiting' as const, position: existing.position! };
    const [counts] = await tx.query<{ confirmed: number; last: number }>(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, coalesce(max(position) FILTER (WHERE status = 'waiting'), 0)::int AS last
       FROM intervisie_signup WHERE slot_id = $1`,
      [slot.id],
    );
    const confirmed = counts!.confirmed < slot.capacity;
    const position = confirmed ? null : counts!.last + 1;
    await tx.query(
      `INSERT INTO intervisie_signup (slot_id, user_id, status, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (slot_id, user_id) DO UPDATE SET status = EXCLUDED.status, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at`,
      [slot.id, input.userId, confirmed ? 'confirmed' : 'waiting', position, now],
    );
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
  const slot = await loadSlot(ctx.db.sql, input.slotId);
  if (!(await isMember(ctx.db.prisma, input.userId, slot.team_id))) throw new WijkwijsError('forbidden', 'Deze intervisie is van een ander team.');
  const now = ctx.clock.now();
  const outcome = await ctx.db.sql.transaction(async (tx) => {
    await tx.query(`SELECT id FROM intervisie_slot WHERE id = $1 FOR UPDATE`, [slot.id]);
    const [mine] = await tx.query<{ status: string; position: number | null }>(`SELECT status, position FROM intervisie_signup WHERE slot_id = $1 AND user_id = $2`, [slot.id, input.userId]);
    if (!mine || mine.status === 'cancelled') return { was: null, promoted: null };
    await tx.query(`UPDATE intervisie_signup SET status = 'cancelled', position = NULL, updated_at = $3 WHERE slot_id = $1 AND user_id = $2`, [slot.id, input.userId, now]);
    if (mine.status === 'waiting') {
      await tx.query(`UPDATE intervisie_signup SET position = position - 1, updated_at = $3 WHERE slot_id = $1 AND status = 'waiting' AND position > $2`, [slot.id, mine.position, now]);
      return { was: 'waiting', promoted: null };
    }
    const [next] = await tx.query<{ user_id: string }>(`SELECT user_id FROM intervisie_signup WHERE slot_id = $1 AND status = 'waiting' ORDER BY position LIMIT 1`, [slot.id]);
    if (!next) return { was: 'confirmed', promoted: null };
    await tx.query(`UPDATE intervisie_signup SET status = 'confirmed', position = NULL, updated_at = $3 WHERE slot_id = $1 AND user_id = $2`, [slot.id, next.user_id, now]);
    await tx.query(`UPDATE intervisie_signup SET position = position - 1, updated_at = $2 WHERE slot_id = $1 AND status = 'waiting'`, [slot.id, now]);
    return { was: 'confirmed', promoted: next.user_id };
  });
  if (outcome.promoted && new Date(slot.starts_at) > now) {
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
