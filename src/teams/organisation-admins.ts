/**
 * Organisation admins: who may create teams, appoint leads and manage every team. A role kept on the
 * user (`app_user.is_admin`), given and taken with `wijkwijs admin add|remove` or, by an existing
 * admin, in chat (`/beheer`). WIJKWIJS_ADMINS names the first ones: they are made admin at every
 * start, so nobody is ever locked out; taking that role away means taking them out of the setting.
 */
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { requireOrganisationAdmin, type Actor } from './authorise.ts';
import { parseUserId } from './team-input.ts';

/** The bootstrap: every id in the setting is an admin, created when unknown. Returns who became one. */
export async function bootstrapAdmins(prisma: PrismaClient, userIds: readonly string[]): Promise<string[]> {
  const added: string[] = [];
  for (const userId of userIds) {
    const before = await prisma.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
    if (before?.isAdmin) continue;
    await prisma.user.upsert({ where: { id: userId }, create: { id: userId, isAdmin: true }, update: { isAdmin: true } });
    await recordAuditEvents(prisma, [{ actorId: 'config:WIJKWIJS_ADMINS', action: 'organisation.admin_added', subjectType: 'user', subjectId: userId }]);
    added.push(userId);
  }
  return added;
}

export async function setOrganisationAdmin(prisma: PrismaClient, actor: Actor, input: { userId: string; admin: boolean; bootstrap?: readonly string[] }): Promise<'changed' | 'unchanged'> {
  await requireOrganisationAdmin(prisma, actor);
  const userId = parseUserId(input.userId);
  if (!input.admin && input.bootstrap?.includes(userId)) {
    throw new WijkwijsError('bad_request', 'Deze beheerder staat in WIJKWIJS_ADMINS en wordt bij elke start weer beheerder. Haal hem eerst uit die instelling.');
  }
  if (!input.admin && userId === actor.userId) throw new WijkwijsError('bad_request', 'Je kunt jezelf geen beheerder af maken; vraag een andere beheerder.');
  const before = await prisma.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  if ((before?.isAdmin ?? false) === input.admin) return 'unchanged';
  if (!before && !input.admin) return 'unchanged';
  await prisma.$transaction(async (tx) => {
    await tx.user.upsert({ where: { id: userId }, create: { id: userId, isAdmin: true }, update: { isAdmin: input.admin } });
    await recordAuditEvents(tx, [{ actorId: actor.userId, action: input.admin ? 'organisation.admin_added' : 'organisation.admin_removed', subjectType: 'user', subjectId: userId }]);
  });
  return 'changed';
}

export async function listOrganisationAdmins(prisma: PrismaClient, actor: Actor): Promise<{ userId: string; displayName: string | null }[]> {
  await requireOrganisationAdmin(prisma, actor);
  const rows = await prisma.user.findMany({ where: { isAdmin: true }, select: { id: true, displayName: true }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({ userId: r.id, displayName: r.displayName }));
}
