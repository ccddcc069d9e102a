import type { Reply } from '../assistant/reply.ts';
import type { PrismaClient } from '../lib/db.ts';
import { teamIdsOf } from '../teams/membership.ts';

export interface ListedNotification {
  id: string;
  teamId: string | null;
  reply: Reply;
  updatedAt: string;
}

/** What the assistant sent to this user or their teams since a moment (oldest first), for the web chat. */
export async function listNotifications(prisma: PrismaClient, userId: string, since: Date, limit = 50): Promise<ListedNotification[]> {
  const teamIds = await teamIdsOf(prisma, userId);
  const rows = await prisma.notification.findMany({
    where: { updatedAt: { gt: since }, OR: [{ userId }, { teamId: { in: teamIds } }] },
    orderBy: { updatedAt: 'asc' },
    take: limit,
  });
  return rows.map((r) => ({ id: r.id, teamId: r.teamId, reply: r.reply as unknown as Reply, updatedAt: r.updatedAt.toISOString() }));
}
