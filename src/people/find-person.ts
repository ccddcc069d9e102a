import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';

/** A user id as the channels issue them (a Slack mention or Teams @-name arrives as one). */
const USER_ID = /^(slack|teams|web|cli):\S{1,190}$/;

/**
 * Who a command means: a mention (which the channel turned into the user id) or a name as colleagues
 * see it, among the members of `teamId` when given. A name two people share is refused, not guessed.
 */
export async function findPerson(prisma: PrismaClient, given: string, scope: { teamId?: string } = {}): Promise<string> {
  const word = given.trim();
  if (USER_ID.test(word)) return word;
  const name = word.replace(/^@/, '').toLowerCase();
  if (!name) throw new WijkwijsError('bad_request', 'Noem de collega: met een @-vermelding of met de naam zoals collega’s die zien.');
  const users = await prisma.user.findMany({
    where: { displayName: { equals: name, mode: 'insensitive' }, ...(scope.teamId ? { memberships: { some: { teamId: scope.teamId } } } : {}) },
    select: { id: true },
    take: 2,
  });
  if (users.length === 1) return users[0]!.id;
  throw new WijkwijsError(
    'bad_request',
    users.length ? `Er zijn meerdere collega’s die "${word}" heten; noem de juiste met een @-vermelding.` : `Ik ken geen collega die "${word}" heet${scope.teamId ? ` in team ${scope.teamId}` : ''}. Noem diegene met een @-vermelding.`,
  );
}
