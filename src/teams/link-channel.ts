/**
 * Linking a Slack or Teams channel to a team: from then on the team's own knowledge may be cited
 * there, its requests and announcements arrive there. A channel linked to team A stays team A's
 * until an admin of team A relinks or unlinks it: an admin of team B alone cannot take it over.
 */
import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { recordAuditEvents } from '../audit/record-audit-events.ts';
import { requireTeamRole, type Actor } from './authorise.ts';
import { parseTeamId } from './team-input.ts';

/** Where a platform keeps its channel links (the adapter's own rows in the channel table). */
export interface ChannelLinkStore {
  /** The team the channel is linked to now. */
  holder(): Promise<string | undefined>;
  link(teamId: string): Promise<void>;
  unlink(): Promise<void>;
}

export interface LinkedChannel {
  platform: 'slack' | 'msteams';
  /** The platform's id of the channel (for Slack with its workspace). */
  id: string;
}

export type LinkResult = 'linked' | 'relinked' | 'unchanged';

export async function linkChannel(
  prisma: PrismaClient,
  actor: Actor,
  input: { channel: LinkedChannel; teamId: string; store: ChannelLinkStore },
): Promise<{ result: LinkResult; previousTeamId?: string }> {
  const teamId = parseTeamId(input.teamId);
  if (!(await prisma.team.findUnique({ where: { id: teamId }, select: { id: true } }))) {
    throw new WijkwijsError('not_found', `Team ${teamId} bestaat niet. Een beheerder maakt het aan met: wijkwijs team create ${teamId} --name "…"`);
  }
  await requireTeamRole(prisma, actor, teamId, ['admin']);
  const holder = await input.store.holder();
  if (holder && holder !== teamId) await requireHolderAdmin(prisma, actor, holder);
  await input.store.link(teamId);
  if (holder === teamId) return { result: 'unchanged', previousTeamId: holder };
  const subject = { actorId: actor.userId, subjectType: 'channel' as const, subjectId: subjectId(input.channel) };
  await recordAuditEvents(prisma, [
    ...(holder ? [{ ...subject, action: 'channel.unlinked' as const, teamId: holder }] : []),
    { ...subject, action: holder ? ('channel.relinked' as const) : ('channel.linked' as const), teamId },
  ]);
  return { result: holder ? 'relinked' : 'linked', previousTeamId: holder };
}

/** Removes the link, by an admin of the team that holds it; returns that team. */
export async function unlinkChannel(prisma: PrismaClient, actor: Actor, input: { channel: LinkedChannel; store: ChannelLinkStore }): Promise<string> {
  const holder = await input.store.holder();
  if (!holder) throw new WijkwijsError('bad_request', 'Dit kanaal is niet gekoppeld aan een team, dus er valt niets te ontkoppelen.');
  await requireTeamRole(prisma, actor, holder, ['admin']);
  await input.store.unlink();
  await recordAuditEvents(prisma, [{ actorId: actor.userId, action: 'channel.unlinked', subjectType: 'channel', subjectId: subjectId(input.channel), teamId: holder }]);
  return holder;
}

async function requireHolderAdmin(prisma: PrismaClient, actor: Actor, holder: string): Promise<void> {
  try {
    await requireTeamRole(prisma, actor, holder, ['admin']);
  } catch (error) {
    if (!(error instanceof WijkwijsError) || error.code !== 'forbidden') throw error;
    throw new WijkwijsError(
      'forbidden',
      `Dit kanaal is al gekoppeld aan team ${holder}. Alleen een beheerder van team ${holder} kan het aan een ander team koppelen; of vraag die beheerder het kanaal eerst te ontkoppelen.`,
    );
  }
}

function subjectId(channel: LinkedChannel): string {
  return `${channel.platform}:${channel.id}`;
}
