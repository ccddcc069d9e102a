/**
 * What a Teams message means: a channel setting ("@Wijkwijs koppel team-noord"), a core command
 * ("vierogen …" or "/vierogen …", for any command a feature adds) or a question.
 */
import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { linkChannel, unlinkChannel, type ChannelLinkStore } from '../../teams/link-channel.ts';
import { channelLink, deleteChannelLink, saveChannelLink } from './store.ts';

export const SETTINGS_WORDS = ['koppel', 'ontkoppel', 'status', 'ik', 'help', 'hulp'] as const;
export type SettingsWord = (typeof SETTINGS_WORDS)[number];

export type Intent = { kind: 'settings'; word: SettingsWord; args: string[] } | { kind: 'command'; text: string } | { kind: 'question'; text: string };

export const TEAMS_HELP = [
  '**Wijkwijs in Teams**',
  '- Stel je vraag in een persoonlijke chat met mij, of noem @Wijkwijs in een kanaal.',
  '- `casus <tekst>` legt een casus vast (eerst zonder persoonsgegevens, jij controleert).',
  '- `koppel <team>` koppelt dit kanaal aan een Wijkwijs-team (voor beheerders van dat team).',
  '- `ontkoppel` haalt die koppeling weg, `status` laat hem zien.',
  '- `ik` toont je Wijkwijs-id.',
].join('\n');

/** `commands`: every command the core answers (`commandNames`), without the slash. */
export function parseIntent(text: string, commands: readonly string[]): Intent {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.replace(/^\//, '').toLowerCase();
  // Only the bare word (or "koppel <team>"): "Hulp bij schulden, waar verwijs ik heen?" is a question.
  const isSettings = (SETTINGS_WORDS as readonly string[]).includes(word) && (rest.length === 0 || (word === 'koppel' && rest.length === 1));
  if (isSettings) return { kind: 'settings', word: word as SettingsWord, args: rest };
  if (commands.includes(word)) return { kind: 'command', text: `/${word}${rest.length ? ` ${trimmed.slice(first.length).trim()}` : ''}` };
  // An unknown "/word" still goes to the core, which lists what it knows.
  if (first.startsWith('/')) return { kind: 'command', text: trimmed };
  return { kind: 'question', text: trimmed };
}

export interface SettingsInput {
  userId: string;
  /** The Teams channel (base conversation id), or undefined in a personal or group chat. */
  channelId?: string;
}

/** Linking a channel to a team, by that team's admins (Wijkwijs roles, not Teams owners). */
export async function settingsCommand(ctx: Context, word: SettingsWord, args: string[], input: SettingsInput): Promise<string> {
  const { prisma } = ctx.db;
  const actor = { userId: input.userId };
  const needChannel = () => {
    if (!input.channelId) throw new WijkwijsError('bad_request', 'Dit werkt in een kanaal van een team, niet in een chat.');
    return input.channelId;
  };
  switch (word) {
    case 'koppel': {
      const channelId = needChannel();
      if (!args[0]) throw new WijkwijsError('bad_request', 'Noem het team, bijvoorbeeld: @Wijkwijs koppel team-noord');
      const { result, previousTeamId } = await linkChannel(prisma, actor, { channel: { platform: 'teams', id: channelId }, teamId: args[0], store: linkStore(ctx, channelId) });
      const teamId = (await channelLink(ctx.db, channelId))!;
      ctx.logger.info({ teamId, channel: 'teams', result }, 'teams channel linked');
      const before = result === 'relinked' ? ` (was team ${previousTeamId})` : '';
      return `Dit kanaal is gekoppeld aan team ${teamId}${before}. Ik antwoord hier als iemand @Wijkwijs noemt, en hulpvragen van collega’s komen hier.`;
    }
    case 'ontkoppel': {
      const channelId = needChannel();
      const teamId = await unlinkChannel(prisma, actor, { channel: { platform: 'teams', id: channelId }, store: linkStore(ctx, channelId) });
      ctx.logger.info({ teamId, channel: 'teams' }, 'teams channel unlinked');
      return `Dit kanaal is niet meer gekoppeld aan team ${teamId}.`;
    }
    case 'status': {
      if (!input.channelId) return 'Dit is een chat, geen kanaal: hier antwoord ik uit de algemene kennis en die van jouw team.';
      const teamId = await channelLink(ctx.db, input.channelId);
      return teamId ? `Dit kanaal is gekoppeld aan team ${teamId}.` : 'Dit kanaal is niet gekoppeld aan een team. Een beheerder koppelt het met: @Wijkwijs koppel <team>';
    }
    case 'ik':
      return `Je Wijkwijs-id is ${input.userId}. Een beheerder voegt je toe met: wijkwijs team add <team> ${input.userId}`;
    default:
      return TEAMS_HELP;
  }
}

/** The Teams rows of a channel's link, for the core's linking rule. */
function linkStore(ctx: Context, channelId: string): ChannelLinkStore {
  return {
    holder: () => channelLink(ctx.db, channelId),
    link: (teamId) => saveChannelLink(ctx.db, channelId, teamId),
    unlink: async () => void (await deleteChannelLink(ctx.db, channelId)),
  };
}
