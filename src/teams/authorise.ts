import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import type { TeamRole } from './membership.ts';

/**
 * Who asks for a use case. Channels build it from the identity they verified; only the command
 * line sets `operator`: whoever runs the server's CLI already holds the database, so refusing
 * them anything would protect nothing.
 */
export interface Actor {
  userId: string;
  operator?: boolean;
}

export const OPERATOR: Actor = { userId: 'cli:operator', operator: true };

export async function isOrganisationAdmin(prisma: PrismaClient, actor: Actor): Promise<boolean> {
  if (actor.operator) return true;
  const user = await prisma.user.findUnique({ where: { id: actor.userId }, select: { isAdmin: true } });
  return user?.isAdmin ?? false;
}

export async function requireOrganisationAdmin(prisma: PrismaClient, actor: Actor): Promise<void> {
  if (!(await isOrganisationAdmin(prisma, actor))) {
    throw new WijkwijsError('forbidden', 'Dit mag alleen een beheerder van de organisatie.');
  }
}

/** Passes for an organisation admin, or a member of the team holding one of `roles`. */
export async function requireTeamRole(prisma: PrismaClient, actor: Actor, teamId: string, roles: TeamRole[]): Promise<void> {
  if (await isOrganisationAdmin(prisma, actor)) return;
  const membership = await prisma.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: actor.userId } }, select: { role: true } });
  if (membership && roles.includes(membership.role)) return;
  const who = roles.includes('lead') ? 'een teamleider of beheerder' : 'een beheerder';
  throw new WijkwijsError('forbidden', `Dit mag alleen ${who} van team ${teamId} of van de organisatie.`);
}

/**
 * For a team's own data (case discussions, consultations): its members only. Organisation admins
 * manage teams but do not read their cases, so they are not let in here.
 */
export async function requireTeamMember(prisma: PrismaClient, actor: Actor, teamId: string): Promise<void> {
  if (actor.operator) return;
  const membership = await prisma.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: actor.userId } }, select: { role: true } });
  if (!membership) throw new WijkwijsError('forbidden', `Dit is alleen zichtbaar voor leden van team ${teamId}.`);
}
