import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { localDate } from '../lib/time.ts';
import { absentOn } from '../teams/absences.ts';
import { isMember } from '../teams/membership.ts';
import type { Enrollment } from './enrollment.ts';

const RUNNING = ['awaiting_start', 'active', 'paused'] as const;

/**
 * The buddy: the one a lead chose (`chosen`), or by rotation a team member other than the newcomer
 * who is not onboarding themselves and not away today or on the start date, with the fewest current
 * buddy assignments, then the longest ago assigned, then by id (stable).
 */
export async function assignBuddy(ctx: Context, e: Enrollment, chosen?: string): Promise<string | undefined> {
  const buddyId = chosen ? await checkChosen(ctx, e, chosen) : await byRotation(ctx, e);
  if (!buddyId) return undefined;
  await ctx.db.prisma.onboardingEnrollment.update({ where: { id: e.id }, data: { buddyId, buddyAssignedAt: ctx.clock.now() } });
  return buddyId;
}

async function checkChosen(ctx: Context, e: Enrollment, buddyId: string): Promise<string> {
  if (buddyId === e.userId) throw new WijkwijsError('bad_request', 'Een nieuwe collega kan niet zijn eigen buddy zijn.');
  if (!(await isMember(ctx.db.prisma, buddyId, e.teamId))) throw new WijkwijsError('bad_request', `De gekozen buddy is geen lid van team ${e.teamId}.`);
  return buddyId;
}

async function byRotation(ctx: Context, e: Enrollment): Promise<string | undefined> {
  const { prisma } = ctx.db;
  const members = await prisma.teamMember.findMany({ where: { teamId: e.teamId, userId: { not: e.userId } }, select: { userId: true } });
  const learning = new Set((await prisma.onboardingEnrollment.findMany({ where: { teamId: e.teamId, status: { in: [...RUNNING] } }, select: { userId: true } })).map((r) => r.userId));
  const today = localDate(ctx.clock.now(), e.timeZone);
  const away = new Set([...(await absentOn(prisma, e.teamId, today)), ...(e.startDate ? await absentOn(prisma, e.teamId, e.startDate) : [])]);
  const candidates = members.map((m) => m.userId).filter((id) => !learning.has(id) && !away.has(id));
  if (candidates.length === 0) return undefined;
  const assignments = await prisma.onboardingEnrollment.findMany({ where: { buddyId: { in: candidates } }, select: { buddyId: true, status: true, buddyAssignedAt: true } });
  const score = new Map(candidates.map((id) => [id, { current: 0, last: 0 }]));
  for (const a of assignments) {
    const s = score.get(a.buddyId!)!;
    if ((RUNNING as readonly string[]).includes(a.status)) s.current++;
    s.last = Math.max(s.last, a.buddyAssignedAt?.getTime() ?? 0);
  }
  candidates.sort((a, b) => score.get(a)!.current - score.get(b)!.current || score.get(a)!.last - score.get(b)!.last || a.localeCompare(b));
  return candidates[0];
}
