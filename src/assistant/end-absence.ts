import type { Context } from './context.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { addDays, localDate } from '../lib/time.ts';
import { dateColumn, localDateOf, teamTimeZone } from '../teams/absences.ts';
import { requireTeamRole } from '../teams/authorise.ts';

/**
 * Back early, or a planned absence called off: one still to come is removed, one running ends
 * yesterday, so from today the coach is in the rotations again. Their own, or a lead's for them.
 */
export async function endAbsence(ctx: Context, actorId: string, absenceId: string): Promise<'removed' | 'ended'> {
  const { prisma } = ctx.db;
  const row = await prisma.memberAbsence.findUnique({ where: { id: absenceId } });
  if (!row) throw new WijkwijsError('not_found', 'Deze afwezigheid bestaat niet (meer).');
  if (row.userId !== actorId) await requireTeamRole(prisma, { userId: actorId }, row.teamId, ['lead', 'admin']);
  const today = localDate(ctx.clock.now(), await teamTimeZone(prisma, row.teamId));
  if (localDateOf(row.endsOn) < today) throw new WijkwijsError('bad_request', 'Deze afwezigheid is al voorbij.');
  const outcome = localDateOf(row.startsOn) >= today ? 'removed' : 'ended';
  await prisma.$transaction(async (tx) => {
    if (outcome === 'removed') await tx.memberAbsence.delete({ where: { id: row.id } });
    else await tx.memberAbsence.update({ where: { id: row.id }, data: { endsOn: dateColumn(addDays(today, -1)) } });
    await recordAuditEvents(tx, [{ actorId, action: 'absence.ended', subjectType: 'user', subjectId: row.userId, teamId: row.teamId }], ctx.clock.now());
  });
  ctx.logger.info({ teamId: row.teamId, outcome }, 'absence ended');
  return outcome;
}

/** "Ik ben terug": every absence of the user running today ends yesterday; returns how many. */
export async function endRunningAbsences(ctx: Context, userId: string, teamId: string): Promise<number> {
  const today = localDate(ctx.clock.now(), await teamTimeZone(ctx.db.prisma, teamId));
  const day = dateColumn(today);
  const running = await ctx.db.prisma.memberAbsence.findMany({ where: { teamId, userId, startsOn: { lte: day }, endsOn: { gte: day } }, select: { id: true } });
  for (const a of running) await endAbsence(ctx, userId, a.id);
  return running.length;
}
