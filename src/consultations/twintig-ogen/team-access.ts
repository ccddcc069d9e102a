/** Who may do what with a team's twintig-ogen agenda. */
import type { PrismaClient } from '../../lib/db.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { requireTeamMember } from '../../teams/authorise.ts';
import type { Rhythm } from '../rhythm/rhythm.ts';

export async function requireMember(prisma: PrismaClient, userId: string, teamId: string): Promise<void> {
  await requireTeamMember(prisma, { userId }, teamId);
}

/** Facilitators named in the rhythm, and the team's leads and admins. */
export async function isFacilitator(prisma: PrismaClient, userId: string, teamId: string, rhythm: Rhythm | undefined): Promise<boolean> {
  if (rhythm?.facilitatorIds.includes(userId)) return true;
  const membership = await prisma.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
  return membership?.role === 'lead' || membership?.role === 'admin';
}

export async function requireFacilitator(prisma: PrismaClient, userId: string, teamId: string, rhythm: Rhythm | undefined): Promise<void> {
  if (!(await isFacilitator(prisma, userId, teamId, rhythm))) {
    throw new WijkwijsError('forbidden', 'Dit mag alleen de procesbegeleider of een teamleider van dit team.');
  }
}

/** Everyone who runs the meeting: the named facilitators, or else the leads and admins. */
export async function facilitatorsOf(prisma: PrismaClient, teamId: string, rhythm: Rhythm): Promise<string[]> {
  if (rhythm.facilitatorIds.length) return rhythm.facilitatorIds;
  const rows = await prisma.teamMember.findMany({ where: { teamId, role: { in: ['lead', 'admin'] } }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

export async function displayNames(prisma: PrismaClient, userIds: string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } });
  return new Map(userIds.map((id) => [id, users.find((u) => u.id === id)?.displayName ?? id]));
}
