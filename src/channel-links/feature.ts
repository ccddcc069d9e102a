/**
 * Linking the channel a command is typed in to a team: `/koppel <team>`, `/ontkoppel`, `/koppeling`
 * (what it is linked to) and `/ik` (your Wijkwijs id); and the linked channel's settings, for a
 * team's admins and leads: `/modus vermelding|alles`, `/teamkanaal`, `/groep <id> [naam]`. Slack's
 * `/wijkwijs koppel …` and Teams' `@Wijkwijs koppel …` arrive here as these commands, with the
 * channel as the Turn's place; the channel turns its own way of naming a group into the id.
 */
import type { Feature } from '../assistant/context.ts';
import { noticeReply, type Reply, type Turn } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { changeChannelSettings, channelLink, channelSettingsSchema, deleteChannelLink, describeChannel, parsePlace, saveChannelLink, type ChannelSettings } from '../teams/channel-links.ts';
import { linkChannel, unlinkChannel, type ChannelLinkStore } from '../teams/link-channel.ts';

async function link(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const place = needPlace(turn);
  const teamId = args.split(/\s+/)[0];
  if (!teamId) throw new WijkwijsError('bad_request', 'Noem het team, bijvoorbeeld: koppel team-noord');
  const { result, previousTeamId } = await linkChannel(ctx.db.prisma, { userId: turn.userId }, { channel: channelOf(place), teamId, store: linkStore(ctx, place) });
  const linked = (await channelLink(ctx.db, place))!;
  ctx.logger.info({ teamId: linked.teamId, platform: channelOf(place).platform, result }, 'channel linked');
  const before = result === 'relinked' ? ` (was team ${previousTeamId})` : '';
  return noticeReply(`Dit kanaal is gekoppeld aan team ${linked.teamId}${before}. ${describeChannel(linked.settings)}`);
}

async function unlink(ctx: Context, turn: Turn): Promise<Reply> {
  const place = needPlace(turn);
  const teamId = await unlinkChannel(ctx.db.prisma, { userId: turn.userId }, { channel: channelOf(place), store: linkStore(ctx, place) });
  ctx.logger.info({ teamId, platform: channelOf(place).platform }, 'channel unlinked');
  return noticeReply(`Dit kanaal is niet meer gekoppeld aan team ${teamId}.`);
}

async function status(ctx: Context, turn: Turn): Promise<Reply> {
  if (!turn.place) return noticeReply('Dit is een chat, geen kanaal: hier antwoord ik uit de algemene kennis en die van jouw team.');
  const linked = await channelLink(ctx.db, turn.place);
  return noticeReply(
    linked
      ? `Dit kanaal is gekoppeld aan team ${linked.teamId}. ${describeChannel(linked.settings)}`
      : 'Dit kanaal is niet gekoppeld aan een team. Ik antwoord hier alleen als iemand me noemt, uit de algemene kennis. Een beheerder van een team koppelt het met: koppel <team>',
  );
}

const MODES: Record<string, ChannelSettings['mode']> = { vermelding: 'mention', alles: 'all' };

async function setMode(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const mode = MODES[args.trim().toLowerCase()];
  if (!mode) throw new WijkwijsError('bad_request', 'Kies modus vermelding (alleen als iemand Wijkwijs noemt) of modus alles (ook elke vraag die eindigt op een vraagteken).');
  const changed = await changeChannelSettings(ctx.db, { userId: turn.userId }, needPlace(turn), { mode });
  return noticeReply(describeChannel(changed.settings));
}

async function makeTeamChannel(ctx: Context, turn: Turn): Promise<Reply> {
  const changed = await changeChannelSettings(ctx.db, { userId: turn.userId }, needPlace(turn), { handoff: true });
  return noticeReply(`Hulpvragen van team ${changed.teamId} komen voortaan in dit kanaal.`);
}

/** `<id> [naam]`: the group that is called on a hand-off request in this channel. */
async function setGroup(ctx: Context, turn: Turn, args: string): Promise<Reply> {
  const [id = '', ...name] = args.trim().split(/\s+/);
  if (!channelSettingsSchema.shape.handoffGroup.safeParse(id).success) throw new WijkwijsError('bad_request', 'Noem de groep die ik bij een hulpvraag moet oproepen.');
  const handoffGroupName = name.join(' ') || undefined;
  await changeChannelSettings(ctx.db, { userId: turn.userId }, needPlace(turn), { handoffGroup: id, handoffGroupName });
  return noticeReply(`Bij een hulpvraag roep ik voortaan ${handoffGroupName ?? 'deze groep'} op.`);
}

function needPlace(turn: Turn): string {
  if (!turn.place) throw new WijkwijsError('bad_request', 'Dit werkt in een kanaal van een team, niet in een chat of direct bericht.');
  return turn.place;
}

function channelOf(place: string) {
  const { platform, externalId } = parsePlace(place);
  return { platform, id: externalId };
}

function linkStore(ctx: Context, place: string): ChannelLinkStore {
  return {
    holder: async () => (await channelLink(ctx.db, place))?.teamId,
    link: async (teamId) => void (await saveChannelLink(ctx.db, place, teamId)),
    unlink: async () => void (await deleteChannelLink(ctx.db, place)),
  };
}

export const channelLinkFeature: Feature = {
  commands: {
    koppel: link,
    ontkoppel: (ctx, turn) => unlink(ctx, turn),
    koppeling: (ctx, turn) => status(ctx, turn),
    modus: setMode,
    teamkanaal: (ctx, turn) => makeTeamChannel(ctx, turn),
    groep: setGroup,
    ik: async (_ctx, turn) => noticeReply(`Je Wijkwijs-id is ${turn.userId}. Een beheerder voegt je toe met: wijkwijs team add <team> ${turn.userId}`),
  },
};
