import type { Context, TeamOverview } from '../../assistant/context.ts';
import { namePeople } from '../../people/name-people.ts';
import { ROTATION_PERIOD_DAYS } from './request.ts';

/**
 * For the team's lead: how often each member was asked for a vier-ogen check over the rotation
 * period, and how often they gave a verdict, so an unfair spread shows (and who keeps passing).
 */
export async function rotationOverview(ctx: Context, teamId: string): Promise<TeamOverview> {
  const since = new Date(ctx.clock.now().getTime() - ROTATION_PERIOD_DAYS * 86_400_000);
  const [members, asks] = await Promise.all([
    ctx.db.prisma.teamMember.findMany({ where: { teamId }, select: { userId: true } }),
    ctx.db.prisma.vierOgenAsk.groupBy({ by: ['reviewerId', 'outcome'], where: { teamId, askedAt: { gte: since } }, _count: { _all: true } }),
  ]);
  if (asks.length === 0) return { lines: [] };
  const people = await namePeople(ctx, members.map((m) => m.userId));
  const counts = new Map(members.map((m) => [m.userId, { asked: 0, reviewed: 0 }]));
  for (const a of asks) {
    const c = counts.get(a.reviewerId);
    if (!c) continue; // no longer in the team
    c.asked += a._count._all;
    if (a.outcome === 'agreed' || a.outcome === 'not_agreed') c.reviewed += a._count._all;
  }
  const rows = [...counts].sort(([, a], [, b]) => b.reviewed - a.reviewed || b.asked - a.asked).map(([id, c]) => `${people.name(id)} ${c.reviewed}× beoordeeld (${c.asked}× gevraagd)`);
  return { lines: [`Vier ogen, laatste ${ROTATION_PERIOD_DAYS} dagen: ${rows.join(', ')}.`], people: people.named() };
}
