import type { PrismaClient } from '../../lib/db.ts';
import { localDateOf, ROTATION_PERIOD_DAYS } from './request.ts';

export interface PickReviewerInput {
  teamId: string;
  requesterId: string;
  expertise: string | null;
  /** Members who passed or did not answer on this request. */
  exclude: string[];
  now: Date;
  /** The team's local date today, for absences. */
  today: string;
}

/**
 * Fair rotation: team members other than the requester, not absent and not already asked; those
 * with the wanted expertise first; then the fewest asks over the recent period, then the longest
 * ago asked, then by user id so the choice is stable. A team is a few dozen people at most, so the
 * ranking is done here rather than in SQL.
 */
export async function pickReviewer(prisma: PrismaClient, input: PickReviewerInput): Promise<string | undefined> {
  const since = new Date(input.now.getTime() - ROTATION_PERIOD_DAYS * 86_400_000);
  const [members, asks] = await Promise.all([
    prisma.teamMember.findMany({
      where: { teamId: input.teamId, userId: { notIn: [input.requesterId, ...input.exclude] } },
      select: { userId: true, profile: { select: { absentUntil: true, expertise: true } } },
    }),
    prisma.vierOgenAsk.groupBy({
      by: ['reviewerId'],
      where: { teamId: input.teamId, askedAt: { gte: since } },
      _count: { _all: true },
      _max: { askedAt: true },
    }),
  ]);
  const asked = new Map(asks.map((a) => [a.reviewerId, { count: a._count._all, last: a._max.askedAt?.getTime() ?? 0 }]));
  const candidates = members
    .filter((m) => !m.profile?.absentUntil || localDateOf(m.profile.absentUntil) < input.today)
    .map((m) => ({
      userId: m.userId,
      lacksExpertise: input.expertise && m.profile?.expertise.includes(input.expertise) ? 0 : 1,
      asks: asked.get(m.userId)?.count ?? 0,
      lastAsked: asked.get(m.userId)?.last ?? 0,
    }));
  candidates.sort((a, b) => a.lacksExpertise - b.lacksExpertise || a.asks - b.asks || a.lastAsked - b.lastAsked || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  return candidates[0]?.userId;
}
