import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { requireTeamRole, type Actor } from './authorise.ts';
import type { TeamRole } from './membership.ts';
import { parseRole, parseTeamId, parseUserId } from './team-input.ts';

export type AddMemberResult = 'added' | 'role_changed' | 'unchanged';

/**
 * Adds a user (created when unknown) to a team; for someone already in it, sets the given role instead.
 * Organisation admins and the team's own admins may do this.
 */
export async function addMember(
  prisma: PrismaClient,
  actor: Actor,
  input: { teamId: string; userId: string; role?: TeamRole | string; displayName?: string },
): Promise<AddMemberResult> {
  const teamId = parseTeamId(input.teamId);
  const userId = parseUserId(input.userId);
  // Without a role, someone already in the team keeps theirs: adding twice must not demote a lead.
  const role = input.role === undefined ? undefined : parseRole(input.role);
  await requireTeamRole(prisma, actor, teamId, ['admin']);
  return prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true } });
    if (!team) throw new WijkwijsError('not_found', `Team ${teamId} bestaat niet. Maak het eerst aan met: wijkwijs team create ${teamId} --name "…"`);
    await tx.user.upsert({ where: { id: userId }, create: { id: userId, displayName: input.displayName }, update: {} });
    const existing = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } } });
    if (existing && (!role || existing.role === role)) return 'unchanged';
    await tx.teamMember.upsert({
      where: { teamId_userId: { teamId, userId } },
      create: { teamId, userId, role: role ?? 'member' },
      update: { role },
    });
    await recordAuditEvents(tx, [
      { actorId: actor.userId, action: existing ? 'team.role_changed' : 'team.member_added', subjectType: 'user', subjectId: userId, teamId },
    ]);
    return existing ? 'role_changed' : 'added';
  });
}
