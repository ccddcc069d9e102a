import type { AbsenceMarked, Context } from '../assistant/context.ts';
import { noticeReply } from '../assistant/reply.ts';
import { formatDutch } from '../lib/time.ts';

/**
 * Someone signed up (or waiting) for sessions that fall in their absence hears which, with a button
 * to cancel; their place is theirs until they do. The reminders of those sessions skip them.
 */
export async function remindAbsentParticipant(ctx: Context, absence: AbsenceMarked): Promise<void> {
  const signups = await ctx.db.prisma.intervisieSignup.findMany({
    where: {
      userId: absence.userId,
      status: { in: ['confirmed', 'waiting'] },
      slot: { teamId: absence.teamId, status: 'planned', startsAt: { gt: ctx.clock.now() }, localDate: { gte: absence.startsOn, lte: absence.endsOn } },
    },
    select: { slot: { select: { id: true, title: true, startsAt: true, timeZone: true } } },
    orderBy: { slot: { startsAt: 'asc' } },
  });
  if (signups.length === 0) return;
  const list = signups.map(({ slot }) => `• ${slot.title}, ${formatDutch(slot.startsAt, slot.timeZone)}`).join('\n');
  await ctx.messenger.send({
    to: { userId: absence.userId },
    reply: noticeReply(`Je bent afwezig tijdens intervisie waarvoor je bent aangemeld:\n${list}\n\nKun je niet? Meld je af, dan gaat je plek naar de wachtlijst. Herinneringen voor die dagen stuur ik je niet.`, {
      actions: signups.map(({ slot }) => ({ id: 'intervisie.cancel', label: `Afmelden ${formatDutch(slot.startsAt, slot.timeZone, false)}`, value: slot.id })),
    }),
  });
}
