import type { Context } from '../assistant/context.ts';
import type { Enrollment } from './enrollment.ts';

/**
 * A buddy by rotation: a team member other than the newcomer who is not onboarding themselves,
 * with the fewest current buddy assignments, then the longest ago assigned, then by id (stable).
 */
export async function assignBuddy(ctx: Context, e: Enrollment): Promise<string | undefined> {
  const { prisma } = ctx.db;
  const members = await prisma.teamMember.findMany({ where: { teamId: e.teamId, userId: { not: e.userId } }, select: { userId: true } });
  const learning = new Set(
    (await prisma.onboardingEnrollment.findMany({ where: { teamId: e.teamId, status: { in: ['awaiting_start', 'active', 'paused'] } }, select: { userId: true } })).map((r) => r.userId),
  );
  const candidates = members.map((m) => m.userId).filter((id) => !learning.has(id));
  if (candidates.length === 0) return undefined;
  const assignments = await prisma.onboardingEnrollment.findMany({ where: { buddyId: { in: candidates } }, select: { buddyId: true, status: true, buddyAssignedAt: true } });
  const score = new Map(candidates.map((id) => [id, { current: 0, last: 0 }]));
  for (const a of assignments) {
    const s = score.get(a.buddyId!)!;
    if (['awaiting_start', 'active', 'paused'].includes(a.status)) s.current++;
    s.last = Math.max(s.last, a.buddyAssignedAt?.getTime() ?? 0);
  }
  candidates.sort((a, b) => score.get(a)!.current - score.get(b)!.current || score.get(a)!.last - score.get(b)!.last || a.localeCompare(b));
  const buddyId = candidates[0]!;
  await prisma.onboardingEnrollment.update({ where: { id: e.id }, data: { buddyId, buddyAssignedAt: ctx.clock.now() } });
  return buddyId;
}
