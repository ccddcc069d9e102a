import type { Prisma } from '../generated/prisma/client.ts';
import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { requireOrganisationAdmin, requireTeamRole, type Actor } from '../teams/authorise.ts';
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

export interface AuditFilter {
  /** One team's trail (its leads and admins may read it); without it the whole organisation's (admins only). */
  teamId?: string;
  /** Only what this user did. */
  actorId?: string;
  /** One action (`vierogen.agreed`), or all of an area with a trailing `*` (`vierogen.*`). */
  action?: string;
  limit?: number;
  before?: Date;
}

/** The audit trail, newest first, filtered by team, actor and action. */
export async function listAuditEvents(prisma: PrismaClient, actor: Actor, filter: AuditFilter): Promise<AuditEventRow[]> {
  const teamId = filter.teamId === undefined ? undefined : parseTeamId(filter.teamId);
  if (teamId) await requireTeamRole(prisma, actor, teamId, ['lead', 'admin']);
  else await requireOrganisationAdmin(prisma, actor);
  const where: Prisma.AuditEventWhereInput = {
    ...(teamId ? { teamId } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.action ? { action: actionMatch(filter.action) } : {}),
    ...(filter.before ? { at: { lt: filter.before } } : {}),
  };
  return prisma.auditEvent.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'asc' }], take: Math.min(Math.max(filter.limit ?? 100, 1), 1000) });
}

function actionMatch(action: string): Prisma.StringFilter | string {
  if (!/^[a-z_]+(\.[a-z_]+)?(\.\*|\*)?$/.test(action)) throw new WijkwijsError('bad_request', `Ongeldige actie "${action}". Bijvoorbeeld: vierogen.agreed of vierogen.*`);
  return action.endsWith('*') ? { startsWith: action.slice(0, -1) } : action;
}
