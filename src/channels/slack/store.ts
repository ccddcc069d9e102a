/** What the Slack adapter keeps in the shared store, so several processes can serve one workspace. */
import { z } from 'zod';
import type { ReplyForm } from '../../assistant/reply.ts';
import type { Db, PrismaClient } from '../../lib/db.ts';
import { isMember } from '../../teams/membership.ts';

const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;
const FORM_MEMORY_MS = 24 * 60 * 60 * 1000;

/**
 * True for the first delivery of an event id; false for Slack's retries (X-Slack-Retry-Num) and for
 * a copy another process already took. The primary key decides, not a read-then-write.
 */
export async function claimEvent(db: Db, eventId: string): Promise<boolean> {
  // Plain SQL on this hot path: it runs for every event, before anything else.
  const rows = await db.sql.query(`INSERT INTO "slack_event" ("event_id") VALUES ($1) ON CONFLICT DO NOTHING RETURNING "event_id"`, [eventId]);
  // Forget old ids now and then; Slack retries within minutes.
  if (Math.random() < 0.01) {
    await db.prisma.slackEvent.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - EVENT_MEMORY_MS) } } });
    await db.prisma.slackForm.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - FORM_MEMORY_MS) } } });
  }
  return rows.length === 1;
}

/**
 * Gives up the claim of an event whose answer failed, so Slack's retry of it (same event id) is
 * answered instead of dropped as handled.
 */
export async function releaseEvent(db: Db, eventId: string | undefined): Promise<void> {
  if (eventId) await db.sql.query(`DELETE FROM "slack_event" WHERE "event_id" = $1`, [eventId]);
}

/** Slack ids are unique per workspace; the key keeps two workspaces apart. */
export function channelKey(workspaceId: string, channelId: string): string {
  return `${workspaceId}:${channelId}`;
}

export async function threadConversation(db: Db, key: ThreadKey): Promise<string | undefined> {
  const rows = await db.sql.query<{ conversation_id: string }>(
    `SELECT "conversation_id" FROM "slack_thread" WHERE "channel_key" = $1 AND "thread_ts" = $2 AND "user_id" = $3`,
    [key.channelKey, key.threadTs, key.userId],
  );
  return rows[0]?.conversation_id;
}

export async function rememberThread(db: Db, key: ThreadKey, conversationId: string): Promise<void> {
  await db.sql.query(
    `INSERT INTO "slack_thread" ("channel_key", "thread_ts", "user_id", "conversation_id") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("channel_key", "thread_ts", "user_id") DO UPDATE SET "conversation_id" = EXCLUDED."conversation_id"`,
    [key.channelKey, key.threadTs, key.userId, conversationId],
  );
}

export interface ThreadKey {
  channelKey: string;
  threadTs: string;
  userId: string;
}

/** Whether Wijkwijs answers in this thread already, so follow-ups need no new mention. */
export async function isAnsweredThread(prisma: PrismaClient, channelKey: string, threadTs: string): Promise<boolean> {
  return (await prisma.slackThread.count({ where: { channelKey, threadTs } })) > 0;
}

// ---- Channel links and settings (in channel.settings) ----

export const channelSettingsSchema = z.object({
  /** "mention": only when @-mentioned; "all": every question (a message ending in "?") too. */
  mode: z.enum(['mention', 'all']).default('mention'),
  /** Hand-off requests of the team are posted in this channel. */
  handoff: z.boolean().default(false),
  /** The Slack user group (subteam id) mentioned on a hand-off request. */
  handoffGroup: z.string().regex(/^S[A-Z0-9]+$/).optional(),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;

export interface ChannelLink {
  teamId: string;
  settings: ChannelSettings;
}

export async function channelLink(db: Db, key: string): Promise<ChannelLink | undefined> {
  const rows = await db.sql.query<{ team_id: string; settings: unknown }>(`SELECT "team_id", "settings" FROM "channel" WHERE "platform" = 'slack' AND "external_id" = $1`, [key]);
  const row = rows[0];
  if (!row) return undefined;
  const parsed = channelSettingsSchema.safeParse(row.settings ?? {});
  return { teamId: row.team_id, settings: parsed.success ? parsed.data : channelSettingsSchema.parse({}) };
}

export async function saveChannelLink(db: Db, key: string, teamId: string): Promise<ChannelLink> {
  const { prisma } = db;
  // The team's first linked channel receives its hand-off requests until another is chosen.
  const hasHandoffChannel = (await teamHandoffChannel(prisma, teamId)) !== undefined;
  const existing = await channelLink(db, key);
  const settings: ChannelSettings = { ...(existing?.settings ?? channelSettingsSchema.parse({})), handoff: existing?.settings.handoff || !hasHandoffChannel };
  await prisma.channel.upsert({
    where: { platform_externalId: { platform: 'slack', externalId: key } },
    create: { platform: 'slack', externalId: key, teamId, settings },
    update: { teamId, settings },
  });
  return { teamId, settings };
}

export async function deleteChannelLink(prisma: PrismaClient, key: string): Promise<boolean> {
  const { count } = await prisma.channel.deleteMany({ where: { platform: 'slack', externalId: key } });
  return count > 0;
}

export async function updateChannelSettings(db: Db, key: string, change: Partial<ChannelSettings>): Promise<ChannelSettings | undefined> {
  const { prisma } = db;
  const link = await channelLink(db, key);
  if (!link) return undefined;
  const settings = channelSettingsSchema.parse({ ...link.settings, ...change });
  if (settings.handoff) {
    // One hand-off channel per team.
    const others = await prisma.channel.findMany({ where: { platform: 'slack', teamId: link.teamId, NOT: { externalId: key } } });
    for (const other of others) {
      const s = channelSettingsSchema.safeParse(other.settings);
      if (s.success && s.data.handoff) await prisma.channel.update({ where: { id: other.id }, data: { settings: { ...s.data, handoff: false } } });
    }
  }
  await prisma.channel.update({ where: { platform_externalId: { platform: 'slack', externalId: key } }, data: { settings } });
  return settings;
}

export async function teamHandoffChannel(prisma: PrismaClient, teamId: string): Promise<{ key: string; settings: ChannelSettings } | undefined> {
  const rows = await prisma.channel.findMany({ where: { platform: 'slack', teamId }, orderBy: { createdAt: 'asc' } });
  for (const row of rows) {
    const s = channelSettingsSchema.safeParse(row.settings);
    if (s.success && s.data.handoff) return { key: row.externalId, settings: s.data };
  }
  return undefined;
}

/**
 * The Slack channel where messages for a whole team go: its team channel (the hand-off channel),
 * else the first channel linked to it. Returns the channel id without the workspace.
 */
export async function teamChannel(prisma: PrismaClient, teamId: string): Promise<string | undefined> {
  const rows = await prisma.channel.findMany({ where: { platform: 'slack', teamId }, orderBy: { createdAt: 'asc' } });
  const chosen = rows.find((r) => channelSettingsSchema.safeParse(r.settings ?? {}).data?.handoff) ?? rows[0];
  return chosen?.externalId.split(':')[1];
}

// ---- Forms waiting for a click ----

/**
 * Keeps a form until its button is clicked. The owner is a user id, or `team:<id>` for a form in a
 * message the whole team channel sees (e.g. an updated announcement): then any team member may open it.
 */
export async function saveForm(prisma: PrismaClient, owner: string, form: ReplyForm): Promise<string> {
  const row = await prisma.slackForm.create({ data: { userId: owner, form: form as object } });
  return row.id;
}

export const teamOwner = (teamId: string) => `team:${teamId}`;

/** Only the user the form was made for (or a member of the team it was made for) may open it. */
export async function loadForm(prisma: PrismaClient, id: string, userId: string): Promise<ReplyForm | undefined> {
  const row = await prisma.slackForm.findUnique({ where: { id } });
  if (!row || row.createdAt.getTime() < Date.now() - FORM_MEMORY_MS) return undefined;
  const allowed = row.userId === userId || (row.userId.startsWith('team:') && (await isMember(prisma, userId, row.userId.slice('team:'.length))));
  return allowed ? (row.form as unknown as ReplyForm) : undefined;
}

export async function dropForms(prisma: PrismaClient, userId: string, formId: string): Promise<void> {
  // The stored copy is keyed by its own id; the form's id (e.g. a case draft) is inside it.
  await prisma.$executeRaw`DELETE FROM "slack_form" WHERE "user_id" = ${userId} AND "form"->>'id' = ${formId}`;
}
