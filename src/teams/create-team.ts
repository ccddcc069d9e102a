import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { requireOrganisationAdmin, type Actor } from './authorise.ts';
import { parseTeamId } from './team-input.ts';

export async function createTeam(prisma: PrismaClient, actor: Actor, input: { id: string; name: string }): Promise<{ id: string; name: string }> {
  await requireOrganisationAdmin(prisma, actor);
  const id = parseTeamId(input.id);
  const name = input.name.trim();
  if (!name || name.length > 100) throw new WijkwijsError('bad_request', 'Geef het team een naam van 1 tot 100 tekens, bijvoorbeeld --name "Wijkteam Noord".');
  return prisma.$transaction(async (tx) => {
    const existing = await tx.team.findUnique({ where: { id } });
    if (existing) throw new WijkwijsError('bad_request', `Team ${id} bestaat al (naam: ${existing.name}).`);
    const team = await tx.team.create({ data: { id, name } });
    await recordAuditEvents(tx, [{ actorId: actor.userId, action: 'team.created', subjectType: 'team', subjectId: id, teamId: id }]);
    return { id: team.id, name: team.name };
  });
}
