import type { Context } from '../assistant/context.ts';
import { formatDutch } from '../lib/time.ts';

/** The intervisie sessions still to come that the user signed up for or waits for; a called-off one is gone. */
export async function intervisieOverview(ctx: Context, userId: string): Promise<string[]> {
  const signups = await ctx.db.prisma.intervisieSignup.findMany({
    where: { userId, status: { in: ['confirmed', 'waiting'] }, slot: { status: 'planned', startsAt: { gt: ctx.clock.now() } } },
    orderBy: { slot: { startsAt: 'asc' } },
    select: { status: true, position: true, slot: { select: { title: true, startsAt: true, timeZone: true } } },
  });
  return signups.map(({ status, position, slot }) =>
    status === 'confirmed'
      ? `Intervisie: je bent aangemeld voor ${slot.title}, ${formatDutch(slot.startsAt, slot.timeZone)}.`
      : `Intervisie: je staat op de wachtlijst (plek ${position}) voor ${slot.title}, ${formatDutch(slot.startsAt, slot.timeZone)}.`,
  );
}
