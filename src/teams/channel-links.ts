/**
 * Which team a Slack or Teams channel is linked to, and its settings: one table ("channel") for both
 * platforms. A channel is named by its place key: the platform, a colon and the platform's own id
 * ("slack:T01:C02" — the workspace keeps two workspaces apart — or "msteams:19:…@thread.tacv2").
 */
import { z } from 'zod';
import type { Db } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { requireTeamRole, type Actor } from './authorise.ts';

export type Platform = 'slack' | 'msteams';

export const channelSettingsSchema = z.object({
  /** "mention": only when @-mentioned; "all": every question (a message ending in "?") too. */
  mode: z.enum(['mention', 'all']).default('mention'),
  /** The team's requests to colleagues ("Vraag een collega") and its messages go to this channel. */
  handoff: z.boolean().default(false),
  /** The group of people called on a hand-off request: a Slack user group id or a Teams tag id. */
  handoffGroup: z
    .string()
    .regex(/^[A-Za-z0-9+/=_:.-]{1,200}$/)
    .optional(),
  /** The group's name as the platform shows it, for a mention that needs it (a Teams tag). */
  handoffGroupName: z.string().max(200).optional(),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

export interface ChannelLink {
  teamId: string;
  settings: ChannelSettings;
}

export interface LinkedPlace extends ChannelLink {
  place: string;
  /** The platform's own id of the channel (the place key without the platform). */
  externalId: string;
}

export const placeKey = (platform: Platform, externalId: string) => `${platform}:${externalId}`;

export function parsePlace(place: string): { platform: Platform; externalId: string } {
  const at = place.indexOf(':');
  const platform = place.slice(0, at);
  if (at < 1 || (platform !== 'slack' && platform !== 'msteams')) throw new WijkwijsError('bad_request', 'Dit kanaal ken ik niet.');
  return { platform, externalId: place.slice(at + 1) };
}

const where = (place: string) => ({ platform_externalId: parsePlace(place) });

function settingsOf(raw: unknown): ChannelSettings {
  const parsed = channelSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : channelSettingsSchema.parse({});
}

/** What Wijkwijs does in a linked channel, in a sentence. */
export function describeChannel(s: ChannelSettings): string {
  const mode = s.mode === 'all' ? 'Ik beantwoord hier elke vraag die eindigt op een vraagteken' : 'Ik antwoord hier als iemand @Wijkwijs noemt';
  return `${mode}${s.handoff ? '; hulpvragen van collega’s komen in dit kanaal' : ''}.`;
}

export async function channelLink(db: Db, place: string | undefined): Promise<ChannelLink | undefined> {
  if (!place) return undefined;
  const row = await db.prisma.channel.findUnique({ where: where(place), select: { teamId: true, settings: true } });
  return row ? { teamId: row.teamId, settings: settingsOf(row.settings) } : undefined;
}

/** Links (or relinks) without any check: `linkChannel` in link-channel.ts decides who may. */
export async function saveChannelLink(db: Db, place: string, teamId: string): Promise<ChannelLink> {
  // The team's first linked channel receives its hand-off requests until another is chosen.
  const { platform } = parsePlace(place);
  const hasHandoffChannel = (await teamChannels(db, teamId, platform)).some((c) => c.settings.handoff && c.place !== place);
  const existing = await channelLink(db, place);
  const settings: ChannelSettings = { ...(existing?.settings ?? channelSettingsSchema.parse({})), handoff: existing?.settings.handoff || !hasHandoffChannel };
  await db.prisma.channel.upsert({ where: where(place), create: { ...parsePlace(place), teamId, settings }, update: { teamId, settings } });
  return { teamId, settings };
}

export async function deleteChannelLink(db: Db, place: string): Promise<boolean> {
  const { count } = await db.prisma.channel.deleteMany({ where: parsePlace(place) });
  return count > 0;
}

/** A team's linked channels on one platform, oldest link first. */
export async function teamChannels(db: Db, teamId: string, platform: Platform): Promise<LinkedPlace[]> {
  const rows = await db.prisma.channel.findMany({ where: { platform, teamId }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({ place: placeKey(platform, r.externalId), externalId: r.externalId, teamId: r.teamId, settings: settingsOf(r.settings) }));
}

/** Where messages for a whole team go on a platform with one team channel: the hand-off channel, else the first linked. */
export async function teamChannel(db: Db, teamId: string, platform: Platform): Promise<LinkedPlace | undefined> {
  const channels = await teamChannels(db, teamId, platform);
  return channels.find((c) => c.settings.handoff) ?? channels[0];
}

/** The team linked to the first of these places that has a link (oldest link first). */
export async function linkedTeamOfAny(db: Db, places: string[]): Promise<string | undefined> {
  const ids = places.map(parsePlace);
  if (!ids.length) return undefined;
  const row = await db.prisma.channel.findFirst({ where: { OR: ids }, orderBy: { createdAt: 'asc' }, select: { teamId: true } });
  return row?.teamId;
}

/**
 * Changes how Wijkwijs behaves in a linked channel, by an admin or lead of its team. Choosing it as
 * the hand-off channel takes that role from the team's other channels on the same platform.
 */
export async function changeChannelSettings(db: Db, actor: Actor, place: string, change: Partial<ChannelSettings>): Promise<ChannelLink> {
  const link = await channelLink(db, place);
  if (!link) throw new WijkwijsError('bad_request', 'Dit kanaal is nog niet gekoppeld. Koppel het eerst aan een team (koppel <team>).');
  await requireTeamRole(db.prisma, actor, link.teamId, ['admin', 'lead']);
  const settings = channelSettingsSchema.parse({ ...link.settings, ...change });
  if (settings.handoff) {
    for (const other of await teamChannels(db, link.teamId, parsePlace(place).platform)) {
      if (other.place !== place && other.settings.handoff) await db.prisma.channel.update({ where: where(other.place), data: { settings: { ...other.settings, handoff: false } } });
    }
  }
  await db.prisma.channel.update({ where: where(place), data: { settings } });
  return { teamId: link.teamId, settings };
}
