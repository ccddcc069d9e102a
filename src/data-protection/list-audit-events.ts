import type { PrismaClient } from '../lib/db.ts';
import { requireTeamRole, type Actor } from '../teams/authorise.ts';
import { parseTeamId } from '../teams/team-input.ts';

export interface AuditEventRow {
  id: string;
  at: Date;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  teamId: string | null;
}

/** A team's audit trail, newest first; for the team's leads and admins and for organisation admins. */
export async function listAuditEvents(
  prisma: PrismaClient,
  actor: Actor,
  input: { teamId: string; limit?: number; before?: Date },
): Promise<AuditEventRow[]> {
  const teamId = parseTeamId(input.teamId);
  await requireTeamRole(prisma, actor, teamId, ['lead', 'admin']);
  return prisma.auditEvent.findMany({
    where: { teamId, ...(input.before ? { at: { lt: input.before } } : {}) },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    take: Math.min(Math.max(input.limit ?? 100, 1), 1000),
  });
}
