/**
 * `/wijkwijs`: Slack's name for the core's channel commands (`koppel`, `ontkoppel`, `status` →
 * `/koppeling`, `ik`) and for the channel settings a team's admins change here (Wijkwijs roles, not
 * Slack's: a Slack workspace admin is not necessarily allowed into a team's knowledge).
 */
import type { z } from 'zod';
import { handleTurn } from '../../assistant/handle-turn.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { addMember } from '../../teams/add-member.ts';
import { channelLink } from '../../teams/channel-links.ts';
import type { commandSchema } from './payloads.ts';
import { slackPlace, slackUserId, type SlackDeps } from './respond.ts';

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

/** The core command each alias stands for. */
const CORE_COMMANDS: Record<string, string> = { koppel: '/koppel', ontkoppel: '/ontkoppel', status: '/koppeling', ik: '/ik' };

export async function wijkwijsCommand(deps: SlackDeps, c: z.infer<typeof commandSchema>): Promise<string> {
  const { ctx, config } = deps;
  const userId = slackUserId(c.team_id, c.user_id);
  const place = slackPlace(c.team_id, c.channel_id);
  const [sub = '', ...args] = c.text.trim().split(/\s+/).filter(Boolean);
  const word = sub.toLowerCase();
  const core = CORE_COMMANDS[word];
  if (core) {
    const reply = await handleTurn(ctx, { channel: 'slack', userId, place, audience: 'private', text: `${core} ${args.join(' ')}`.trim() });
    return `${reply.text}${word === 'status' ? await groupLine(deps, place) : ''}`;
  }
  switch (word) {
    case 'modus':
    case 'teamkanaal':
      return (await handleTurn(ctx, { channel: 'slack', userId, place, audience: 'private', text: `/${word} ${args.join(' ')}`.trim() })).text;
    case 'groep': {
      // Slack sends a group mention as <!subteam^S0123|@naam> when the command escapes names.
      const group = /<!subteam\^(S[A-Z0-9]+)/.exec(args.join(' '))?.[1];
      if (!group) throw new WijkwijsError('bad_request', 'Noem de Slack-groep met @, bijvoorbeeld: /wijkwijs groep @wijkcoaches-noord');
      await handleTurn(ctx, { channel: 'slack', userId, place, audience: 'private', text: `/groep ${group}` });
      return `Bij een hulpvraag noem ik voortaan <!subteam^${group}>.`;
    }
    case 'lid': {
      const link = await channelLink(ctx.db, needPlace(place));
      if (!link) throw new WijkwijsError('bad_request', 'Dit kanaal is nog niet gekoppeld. Koppel het eerst met /wijkwijs koppel <team>.');
      const slackUser = /<@([UW][A-Z0-9]+)(\|[^>]*)?>/.exec(args[0] ?? '')?.[1];
      if (!slackUser) throw new WijkwijsError('bad_request', 'Noem de collega met @, bijvoorbeeld: /wijkwijs lid @sanne');
      const result = await addMember(ctx.db.prisma, { userId }, { teamId: link.teamId, userId: slackUserId(c.team_id, slackUser), role: args[1] });
      return result === 'unchanged' ? `<@${slackUser}> was al lid van team ${link.teamId}.` : `<@${slackUser}> is nu lid van team ${link.teamId}.`;
    }
    default:
      return WIJKWIJS_HELP;
  }
  function needPlace(p: string | undefined): string {
    if (!p) throw new WijkwijsError('bad_request', 'Dit werkt in een kanaal, niet in een direct bericht.');
    return p;
  }
  // The group Slack calls on a hand-off: this channel's own, else the workspace default.
  async function groupLine(d: SlackDeps, p: string | undefined): Promise<string> {
    const group = (await channelLink(d.ctx.db, p))?.settings.handoffGroup;
    if (group) return ` Bij een hulpvraag noem ik <!subteam^${group}>.`;
    return config.handoffGroup ? ` Standaardgroep voor hulpvragen: <!subteam^${config.handoffGroup}>.` : '';
  }
}
