import type { Context } from '../assistant/context.ts';
import { cancelSignup } from './sign-up.ts';

/**
 * Gives up someone's places in intervisie sessions still to come, as if they had cancelled: the
 * waiting list moves up and whoever gets the place hears so. Used before their data is erased.
 */
export async function releasePlaces(ctx: Context, userId: string): Promise<number> {
  const rows = await ctx.db.sql.query<{ slot_id: string }>(
    `SELECT s.slot_id FROM intervisie_signup s JOIN intervisie_slot t ON t.id = s.slot_id
     WHERE s.user_id = $1 AND s.status IN ('confirmed', 'waiting') AND t.starts_at > $2`,
    [userId, ctx.clock.now()],
  );
  for (const row of rows) await cancelSignup(ctx, { slotId: row.slot_id, userId });
  return rows.length;
}
