import type { PrismaClient } from '../lib/db.ts';
import { isOrganisationAdmin, type Actor } from './authorise.ts';
import type { TeamRole } from './membership.ts';

export interface TeamListing {
  id: string;
  name: string;
  members: { userId: string; displayName: string | null; role: TeamRole }[];
}

/** Organisation admins see every team; anyone else only the teams they belong to. */
export async function listTeams(prisma: PrismaClient, actor: Actor): Promise<TeamListing[]> {
  const all = await isOrganisationAdmin(prisma, actor);
  const teams = await prisma.team.findMany({
    where: all ? {} : { members: { some: { userId: actor.userId } } },
    orderBy: { id: 'asc' },
    include: { members: { orderBy: { userId: 'asc' }, include: { user: { select: { displayName: true } } } } },
  });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    members: t.members.map((m) => ({ userId: m.userId, displayName: m.user.displayName, role: m.role })),
  }));
}
