import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { addMember } from './add-member.ts';
import { OPERATOR } from './authorise.ts';
import { createTeam } from './create-team.ts';
import { isMember } from './membership.ts';
import { removeMember } from './remove-member.ts';

/** The default team the local users were last placed in. */
const PLACED_IN = 'local.default_team';

/**
 * Puts the local users (the web chat's and the command line's) in the default team as leads. When
 * the operator has named another default team since, they leave the old one first: they would
 * otherwise keep reading its cases. Every change goes into the audit trail, done by the operator.
 */
export async function placeLocalUsers(
  prisma: PrismaClient,
  input: { teamId: string; teamName: string; userIds: string[]; displayName: string },
): Promise<{ movedFrom?: string }> {
  const setting = await prisma.setting.findUnique({ where: { key: PLACED_IN } });
  const previous = typeof setting?.value === 'string' && setting.value !== input.teamId ? setting.value : undefined;
  if (!(await prisma.team.findUnique({ where: { id: input.teamId }, select: { id: true } }))) {
    await createTeam(prisma, OPERATOR, { id: input.teamId, name: input.teamName }).catch(ignoreIfDoneMeanwhile);
  }
  for (const userId of input.userIds) {
    if (previous && (await isMember(prisma, userId, previous))) await removeMember(prisma, OPERATOR, { teamId: previous, userId }).catch(ignoreIfDoneMeanwhile);
    if (!(await isMember(prisma, userId, input.teamId))) await addMember(prisma, OPERATOR, { teamId: input.teamId, userId, role: 'lead', displayName: input.displayName });
  }
  await prisma.setting.upsert({ where: { key: PLACED_IN }, create: { key: PLACED_IN, value: input.teamId }, update: { value: input.teamId } });
  return { movedFrom: previous };
}

/** A second process starting at the same moment may have made the same change first. */
function ignoreIfDoneMeanwhile(error: unknown): void {
  if (error instanceof WijkwijsError && (error.code === 'not_found' || error.code === 'bad_request')) return;
  throw error;
}
