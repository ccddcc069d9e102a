/** The stored intervisie slot and the message that announces it in the team channel. */
import { noticeReply, type Reply } from '../assistant/reply.ts';
import type { ReplyPerson } from '../people/name-people.ts';
import { namePeople } from '../people/name-people.ts';
import type { Context } from '../assistant/context.ts';
import type { IntervisieSlot } from '../generated/prisma/client.ts';
import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { formatDutch } from '../lib/time.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { findWerkvorm } from './load-werkvormen.ts';

export type Slot = IntervisieSlot;

export async function loadSlot(prisma: PrismaClient, id: string): Promise<Slot> {
  const row = await prisma.intervisieSlot.findUnique({ where: { id } });
  if (!row) throw new WijkwijsError('not_found', 'Deze intervisie bestaat niet (meer).');
  return row;
}

export const slotKey = (slotId: string) => `intervisie.slot:${slotId}`;


/** What, when, who leads and where; with the facilitator as a person the text names. */
export async function describeSlot(ctx: Context, slot: Slot): Promise<{ text: string; people: ReplyPerson[] }> {
  const method = findWerkvorm(ctx.config.knowledgeDir, slot.method);
  const names = await namePeople(ctx, [slot.facilitatorId]);
  const text = [
    `**${slot.title}** – ${formatDutch(slot.startsAt, slot.timeZone)} (${slot.durationMinutes} min)`,
    `Werkvorm: ${method?.title ?? slot.method}`,
    `Procesbegeleider: ${slot.facilitatorId ? names.name(slot.facilitatorId) : 'nog niet bekend'}`,
    `Waar: ${slot.place}`,
  ].join('\n');
  return { text, people: names.named() };
}

export async function countsOf(prisma: PrismaClient, slotId: string): Promise<{ confirmed: number; waiting: number }> {
  const [confirmed, waiting] = await Promise.all(
    (['confirmed', 'waiting'] as const).map((status) => prisma.intervisieSignup.count({ where: { slotId, status } })),
  );
  return { confirmed: confirmed!, waiting: waiting! };
}

export async function slotMessage(ctx: Context, slot: Slot): Promise<Reply> {
  const { confirmed, waiting } = await countsOf(ctx.db.prisma, slot.id);
  const about = await describeSlot(ctx, slot);
  if (slot.status !== 'planned') return noticeReply(`${about.text}\n\nDeze intervisie gaat niet door.`, { people: about.people });
  const full = confirmed >= slot.capacity;
  return noticeReply(
    `${about.text}\n\n${confirmed} van ${slot.capacity} plekken bezet${waiting ? `, ${waiting} op de wachtlijst` : ''}.` +
      (full ? ' Vol: wie zich nu aanmeldt, komt op de wachtlijst.' : ''),
    {
      people: about.people,
      actions: [
        { id: 'intervisie.signup', label: full ? 'Op de wachtlijst' : 'Aanmelden', value: slot.id, style: 'primary' },
        { id: 'intervisie.cancel', label: 'Afmelden', value: slot.id },
      ],
    },
  );
}

/** Posts or updates the slot's announcement in the team channel. */
export async function announceSlot(ctx: Context, slot: Slot): Promise<void> {
  await ctx.messenger.send({ to: { teamId: slot.teamId }, key: slotKey(slot.id), reply: await slotMessage(ctx, slot) });
}

/** Updates the announcement only when it was posted already (a slot far ahead is announced later). */
export async function refreshAnnouncement(ctx: Context, slot: Slot): Promise<void> {
  const existing = await ctx.db.prisma.notification.findUnique({ where: { key: slotKey(slot.id) }, select: { id: true } });
  if (existing) await announceSlot(ctx, slot);
}

/** Leads plan slots, and so do procesbegeleiders: whoever facilitates one of the team's slots. */
export async function requirePlanner(ctx: Context, userId: string, teamId: string): Promise<void> {
  const facilitates = await ctx.db.prisma.intervisieSlot.findFirst({ where: { teamId, facilitatorId: userId }, select: { id: true } });
  if (facilitates) return;
  await requireTeamRole(ctx.db.prisma, { userId }, teamId, ['lead', 'admin']).catch(() => {
    throw new WijkwijsError('forbidden', 'Een intervisie plannen mag de teamleider of een procesbegeleider. Wil je er een? Gebruik /intervisie aanvragen.');
  });
}
