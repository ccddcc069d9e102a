import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';

export type TeamRole = 'member' | 'lead' | 'admin';

/** Creates the team, the user and the membership when missing; an existing role is kept. */
export async function ensureMember(
  prisma: PrismaClient,
  input: { teamId: string; teamName?: string; userId: string; displayName?: string; role?: TeamRole },
): Promise<void> {
  await prisma.team.upsert({ where: { id: input.teamId }, create: { id: input.teamId, name: input.teamName ?? input.teamId }, update: {} });
  await prisma.user.upsert({
    where: { id: input.userId },
    create: { id: input.userId, displayName: input.displayName },
    update: input.displayName ? { displayName: input.displayName } : {},
  });
  await prisma.teamMember.upsert({
    where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
    create: { teamId: input.teamId, userId: input.userId, role: input.role ?? 'member' },
    update: {},
  });
}

/** The teams whose knowledge a user may search. */
export async function teamIdsOf(prisma: PrismaClient, userId: string): Promise<string[]> {
  const rows = await prisma.teamMember.findMany({ where: { userId }, select: { teamId: true } });
  return rows.map((r) => r.teamId);
}

/**
 * The team a user acts for, e.g. the team a case they send belongs to: the conversation's team when
 * they are a member of it, otherwise their only team. A channel's team claim alone grants nothing.
 */
export async function actingTeamOf(
  prisma: PrismaClient,
  userId: string,
  preferredTeamId?: string,
): Promise<{ teamId: string } | { problem: 'no_team' | 'several_teams'; teamIds: string[] }> {
  const teamIds = await teamIdsOf(prisma, userId);
  if (preferredTeamId && teamIds.includes(preferredTeamId)) return { teamId: preferredTeamId };
  if (teamIds.length === 1) return { teamId: teamIds[0]! };
  return { problem: teamIds.length === 0 ? 'no_team' : 'several_teams', teamIds };
}

/** `actingTeamOf`, or the one Dutch refusal every feature gives when it cannot tell the team. */
export async function requireActingTeam(prisma: PrismaClient, userId: string, preferredTeamId?: string): Promise<string> {
  const team = await actingTeamOf(prisma, userId, preferredTeamId);
  if ('teamId' in team) return team.teamId;
  throw new WijkwijsError(
    'forbidden',
    team.problem === 'no_team'
      ? 'Je bent nog geen lid van een team in Wijkwijs. Vraag de beheerder om je aan je wijkteam toe te voegen.'
      : `Je bent lid van meerdere teams (${team.teamIds.join(', ')}). Doe dit in het kanaal van het team waar het om gaat, dan weet ik welk team je bedoelt.`,
  );
}

export async function isMember(prisma: PrismaClient, userId: string, teamId: string): Promise<boolean> {
  const row = await prisma.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { userId: true } });
  return row !== null;
}

/** The teams a user belongs to, with their role and the team's name. */
export async function membershipsOf(prisma: PrismaClient, userId: string): Promise<{ teamId: string; name: string; role: TeamRole }[]> {
  const rows = await prisma.teamMember.findMany({ where: { userId }, include: { team: { select: { name: true } } }, orderBy: { teamId: 'asc' } });
  return rows.map((r) => ({ teamId: r.teamId, name: r.team.name, role: r.role as TeamRole }));
}
