import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { requireTeamRole, type Actor } from './authorise.ts';
import type { TeamRole } from './membership.ts';
import { parseRole, parseTeamId, parseUserId } from './team-input.ts';

export async function setMemberRole(prisma: PrismaClient, actor: Actor, input: { teamId: string; userId: string; role: TeamRole | string }): Promise<void> {
  const teamId = parseTeamId(input.teamId);
  const userId = parseUserId(input.userId);
  const role = parseRole(input.role);
  await requireTeamRole(prisma, actor, teamId, ['admin']);
  await prisma.$transaction(async (tx) => {
    const existing = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId } } });
    if (!existing) throw new WijkwijsError('not_found', `${userId} is geen lid van team ${teamId}. Voeg hem eerst toe met: wijkwijs team add ${teamId} ${userId}`);
    if (existing.role === role) return;
    await tx.teamMember.update({ where: { teamId_userId: { teamId, userId } }, data: { role } });
    await recordAuditEvents(tx, [{ actorId: actor.userId, action: 'team.role_changed', subjectType: 'user', subjectId: userId, teamId }]);
  });
}
