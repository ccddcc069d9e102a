/**
 * `/wijkwijs`: linking a channel to a team and its settings, by the team's admins (Wijkwijs roles,
 * not Slack's: a Slack workspace admin is not necessarily allowed into a team's knowledge).
 */
import type { z } from 'zod';
import type { Context } from '../../assistant/context.ts';
import type { SlackConfig } from '../../lib/config.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { addMember } from '../../teams/add-member.ts';
import { requireTeamRole } from '../../teams/authorise.ts';
import { linkChannel, unlinkChannel, type ChannelLinkStore } from '../../teams/link-channel.ts';
import type { commandSchema } from './payloads.ts';
import { channelKey, channelLink, deleteChannelLink, saveChannelLink, updateChannelSettings, type ChannelSettings } from './store.ts';

export const WIJKWIJS_HELP = [
  '*Wijkwijs instellen* (voor beheerders van een team)',
  '`/wijkwijs koppel <team>` koppel dit kanaal aan een team',
  '`/wijkwijs ontkoppel` haal de koppeling weg',
  '`/wijkwijs modus vermelding` antwoord alleen als iemand @Wijkwijs noemt',
  '`/wijkwijs modus alles` beantwoord ook elke vraag die eindigt op een vraagteken',
  '`/wijkwijs teamkanaal` zet hulpvragen van collega’s ("Vraag een collega") in dit kanaal',
  '`/wijkwijs groep @groep` noem deze Slack-groep bij een hulpvraag',
  '`/wijkwijs lid @iemand [member|lead|admin]` voeg iemand toe aan het team van dit kanaal',
  '`/wijkwijs status` toon de koppeling en instellingen',
  '`/wijkwijs ik` toon je Wijkwijs-id',
].join('\n');

export async function wijkwijsCommand(ctx: Context, c: z.infer<typeof commandSchema>, config: SlackConfig): Promise<string> {
  const { prisma } = ctx.db;
  const actor = { userId: `slack:${c.team_id}:${c.user_id}` };
  const key = channelKey(c.team_id, c.channel_id);
  const [sub, ...args] = c.text.trim().split(/\s+/).filter(Boolean);
  const isDm = c.channel_id.startsWith('D');
  const needChannel = () => {
    if (isDm) throw new WijkwijsError('bad_request', 'Dit werkt in een kanaal, niet in een direct bericht.');
  };
  const needLink = async () => {
    const link = await channelLink(ctx.db, key);
    if (!link) throw new WijkwijsError('bad_request', 'Dit kanaal is nog niet gekoppeld. Koppel het eerst met /wijkwijs koppel <team>.');
    return link;
  };

  switch (sub?.toLowerCase()) {
    case 'koppel': {
      needChannel();
      if (!args[0]) throw new WijkwijsError('bad_request', 'Noem het team, bijvoorbeeld: /wijkwijs koppel team-noord');
      const { result, previousTeamId } = await linkChannel(prisma, actor, { channel: { platform: 'slack', id: key }, teamId: args[0], store: linkStore(ctx, key) });
      const link = (await channelLink(ctx.db, key))!;
      ctx.logger.info({ teamId: link.teamId, channelKey: key, result }, 'slack channel linked');
      const before = result === 'relinked' ? ` (was team ${previousTeamId})` : '';
      return `Dit kanaal is gekoppeld aan team ${link.teamId}${before}. ${describe(link.settings)}`;
    }
    case 'ontkoppel': {
      needChannel();
      const teamId = await unlinkChannel(prisma, actor, { channel: { platform: 'slack', id: key }, store: linkStore(ctx, key) });
      ctx.logger.info({ teamId, channelKey: key }, 'slack channel unlinked');
      return `Dit kanaal is niet meer gekoppeld aan team ${teamId}.`;
    }
    case 'modus': {
      const link = await needLink();
      await requireTeamRole(prisma, actor, link.teamId, ['admin', 'lead']);
      const mode = { vermelding: 'mention', alles: 'all' }[args[0]?.toLowerCase() ?? ''] as ChannelSettings['mode'] | undefined;
      if (!mode) throw new WijkwijsError('bad_request', 'Kies /wijkwijs modus vermelding of /wijkwijs modus alles.');
      return describe((await updateChannelSettings(ctx.db, key, { mode }))!);
    }
    case 'teamkanaal': {
      const link = await needLink();
      await requireTeamRole(prisma, actor, link.teamId, ['admin', 'lead']);
      await updateChannelSettings(ctx.db, key, { handoff: true });
      return `Hulpvragen van team ${link.teamId} komen voortaan in dit kanaal.`;
    }
    case 'groep': {
      const link = await needLink();
      await requireTeamRole(prisma, actor, link.teamId, ['admin', 'lead']);
      // Slack sends a group mention as <!subteam^S0123|@naam> when the command escapes names.
      const group = /<!subteam\^(S[A-Z0-9]+)/.exec(args.join(' '))?.[1];
      if (!group) throw new WijkwijsError('bad_request', 'Noem de Slack-groep met @, bijvoorbeeld: /wijkwijs groep @wijkcoaches-noord');
      await updateChannelSettings(ctx.db, key, { handoffGroup: group });
      return `Bij een hulpvraag noem ik voortaan <!subteam^${group}>.`;
    }
    case 'lid': {
      const link = await needLink();
      const slackUser = /<@([UW][A-Z0-9]+)(\|[^>]*)?>/.exec(args[0] ?? '')?.[1];
      if (!slackUser) throw new WijkwijsError('bad_request', 'Noem de collega met @, bijvoorbeeld: /wijkwijs lid @sanne');
      const result = await addMember(prisma, actor, { teamId: link.teamId, userId: `slack:${c.team_id}:${slackUser}`, role: args[1] });
      return result === 'unchanged' ? `<@${slackUser}> was al lid van team ${link.teamId}.` : `<@${slackUser}> is nu lid van team ${link.teamId}.`;
    }
    case 'status': {
      const link = await channelLink(ctx.db, key);
      const fallbackGroup = config.handoffGroup ? ` Standaardgroep voor hulpvragen: <!subteam^${config.handoffGroup}>.` : '';
      return link ? `Dit kanaal is gekoppeld aan team ${link.teamId}. ${describe(link.settings)}${fallbackGroup}` : 'Dit kanaal is niet gekoppeld aan een team. Ik antwoord hier alleen als iemand me noemt.';
    }
    case 'ik':
      return `Je Wijkwijs-id is ${actor.userId}. Een beheerder voegt je toe met: wijkwijs team add <team> ${actor.userId}`;
    default:
      return WIJKWIJS_HELP;
  }
}

function describe(s: ChannelSettings): string {
  const mode = s.mode === 'all' ? 'Ik beantwoord hier elke vraag die eindigt op een vraagteken' : 'Ik antwoord hier als iemand @Wijkwijs noemt';
  const handoff = s.handoff ? '; hulpvragen van collega’s komen in dit kanaal' : '';
  const group = s.handoffGroup ? ` en ik noem daarbij <!subteam^${s.handoffGroup}>` : '';
  return `${mode}${handoff}${group}.`;
}

/** The Slack rows of a channel's link, for the core's linking rule. */
function linkStore(ctx: Context, key: string): ChannelLinkStore {
  return {
    holder: async () => (await channelLink(ctx.db, key))?.teamId,
    link: async (teamId) => void (await saveChannelLink(ctx.db, key, teamId)),
    unlink: async () => void (await deleteChannelLink(ctx.db.prisma, key)),
  };
}
