import type { Context } from '../assistant/context.ts';
import { cancelSignup } from './sign-up.ts';

/**
 * Gives up someone's places in intervisie sessions still to come, as if they had cancelled: the
 * waiting list moves up and whoever gets the place hears so. Used before their data is erased.
 */
export async function releasePlaces(ctx: Context, userId: string): Promise<number> {
  const rows = await ctx.db.prisma.intervisieSignup.findMany({
    where: { userId, status: { in: ['confirmed', 'waiting'] }, slot: { startsAt: { gt: ctx.clock.now() } } },
    select: { slotId: true },
  });
  for (const row of rows) await cancelSignup(ctx, { slotId: row.slotId, userId });
  return rows.length;
}
