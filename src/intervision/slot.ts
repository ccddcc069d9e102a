/** The stored intervisie slot and the message that announces it in the team channel. */
import { noticeReply, type Reply } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import type { Sql } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { formatDutch } from '../lib/time.ts';
import { findWerkvorm } from './load-werkvormen.ts';

export interface Slot {
  id: string;
  team_id: string;
  series_id: string;
  title: string;
  method: string;
  facilitator_id: string | null;
  starts_at: Date;
  local_date: string;
  local_time: string;
  time_zone: string;
  duration_minutes: number;
  place: string;
  capacity: number;
  recurrence: string;
  status: string;
}

export async function loadSlot(sql: Sql, id: string): Promise<Slot> {
  const [row] = await sql.query<Slot>(`SELECT * FROM intervisie_slot WHERE id = $1`, [id]);
  if (!row) throw new WijkwijsError('not_found', 'Deze intervisie bestaat niet (meer).');
  return row;
}

export const slotKey = (slotId: string) => `intervisie.slot:${slotId}`;


export async function describeSlot(ctx: Context, slot: Slot): Promise<string> {
  const method = findWerkvorm(ctx.config.knowledgeDir, slot.method);
  const facilitator = slot.facilitator_id ? await ctx.db.prisma.user.findUnique({ where: { id: slot.facilitator_id }, select: { displayName: true } }) : null;
  return [
    `**${slot.title}** – ${formatDutch(new Date(slot.starts_at), slot.time_zone)} (${slot.duration_minutes} min)`,
    `Werkvorm: ${method?.title ?? slot.method}`,
    `Procesbegeleider: ${slot.facilitator_id ? (facilitator?.displayName ?? slot.facilitator_id) : 'nog niet bekend'}`,
    `Waar: ${slot.place}`,
  ].join('\n');
}

export async function countsOf(sql: Sql, slotId: string): Promise<{ confirmed: number; waiting: number }> {
  const [row] = await sql.query<{ confirmed: number; waiting: number }>(
    `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waiting')::int AS waiting
     FROM intervisie_signup WHERE slot_id = $1`,
    [slotId],
  );
  return row ?? { confirmed: 0, waiting: 0 };
}

export async function slotMessage(ctx: Context, slot: Slot): Promise<Reply> {
  const { confirmed, waiting } = await countsOf(ctx.db.sql, slot.id);
  if (slot.status !== 'planned') return noticeReply(`${await describeSlot(ctx, slot)}\n\nDeze intervisie gaat niet door.`);
  const full = confirmed >= slot.capacity;
  return noticeReply(
    `${await describeSlot(ctx, slot)}\n\n${confirmed} van ${slot.capacity} plekken bezet${waiting ? `, ${waiting} op de wachtlijst` : ''}.` +
      (full ? ' Vol: wie zich nu aanmeldt, komt op de wachtlijst.' : ''),
    {
      actions: [
        { id: 'intervisie.signup', label: full ? 'Op de wachtlijst' : 'Aanmelden', value: slot.id, style: 'primary' },
        { id: 'intervisie.cancel', label: 'Afmelden', value: slot.id },
      ],
    },
  );
}

/** Posts or updates the slot's announcement in the team channel. */
export async function announceSlot(ctx: Context, slot: Slot): Promise<void> {
  await ctx.messenger.send({ to: { teamId: slot.team_id }, key: slotKey(slot.id), reply: await slotMessage(ctx, slot) });
}

/** Updates the announcement only when it was posted already (a slot far ahead is announced later). */
export async function refreshAnnouncement(ctx: Context, slot: Slot): Promise<void> {
  const existing = await ctx.db.prisma.notification.findUnique({ where: { key: slotKey(slot.id) }, select: { id: true } });
  if (existing) await announceSlot(ctx, slot);
}
