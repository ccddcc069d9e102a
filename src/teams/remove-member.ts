import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { requireTeamRole, type Actor } from './authorise.ts';
import { parseTeamId, parseUserId } from './team-input.ts';

/** Ends a membership; from then on the user no longer finds the team's cases. */
export async function removeMember(prisma: PrismaClient, actor: Actor, input: { teamId: string; userId: string }): Promise<void> {
  const teamId = parseTeamId(input.teamId);
  const userId = parseUserId(input.userId);
  await requireTeamRole(prisma, actor, teamId, ['admin']);
  await prisma.$transaction(async (tx) => {
    const removed = await tx.teamMember.deleteMany({ where: { teamId, userId } });
    if (removed.count === 0) throw new WijkwijsError('not_found', `${userId} is geen lid van team ${teamId}.`);
    await recordAuditEvents(tx, [{ actorId: actor.userId, action: 'team.member_removed', subjectType: 'user', subjectId: userId, teamId }]);
  });
}
