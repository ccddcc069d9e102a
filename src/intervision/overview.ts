import type { Context } from '../assistant/context.ts';
import { formatDutch } from '../lib/time.ts';

/** The intervisie sessions still to come that the user signed up for or waits for. */
export async function intervisieOverview(ctx: Context, userId: string): Promise<string[]> {
  const rows = await ctx.db.sql.query<{ title: string; starts_at: Date; time_zone: string; status: string; position: number | null }>(
    `SELECT t.title, t.starts_at, t.time_zone, s.status, s.position FROM intervisie_signup s JOIN intervisie_slot t ON t.id = s.slot_id
     WHERE s.user_id = $1 AND s.status IN ('confirmed', 'waiting') AND t.starts_at > $2 ORDER BY t.starts_at`,
    [userId, ctx.clock.now()],
  );
  return rows.map((r) =>
    r.status === 'confirmed'
      ? `Intervisie: je bent aangemeld voor ${r.title}, ${formatDutch(new Date(r.starts_at), r.time_zone)}.`
      : `Intervisie: je staat op de wachtlijst (plek ${r.position}) voor ${r.title}, ${formatDutch(new Date(r.starts_at), r.time_zone)}.`,
  );
}
