import type { AbsenceMarked, Context } from '../../assistant/context.ts';
import { localDate } from '../../lib/time.ts';
import { teamTimeZone } from '../../teams/absences.ts';
import { passCheck } from './pass-check.ts';

/** A colleague away from today on does not keep a check waiting: it goes to the next in the rotation. */
export async function handOverChecks(ctx: Context, absence: AbsenceMarked): Promise<void> {
  const today = localDate(ctx.clock.now(), await teamTimeZone(ctx.db.prisma, absence.teamId));
  if (absence.startsOn > today || absence.endsOn < today) return;
  const waiting = await ctx.db.prisma.vierOgenRequest.findMany({ where: { teamId: absence.teamId, reviewerId: absence.userId, status: 'asked' }, select: { id: true } });
  for (const request of waiting) await passCheck(ctx, { requestId: request.id, reviewerId: absence.userId, outcome: 'passed', away: true });
}
