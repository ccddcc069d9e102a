import type { PrismaClient } from '../lib/db.ts';

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
