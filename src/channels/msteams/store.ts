/**
 * Teams' own tables: conversation references (to post on its own, also after a restart) and the
 * message activities already answered. Threads and channel links are the core's.
 */
import type { ConversationReference } from 'botbuilder';
import type { Db } from '../../lib/db.ts';

export type MsTeamsConversationKind = 'personal' | 'channel' | 'groupChat';

export interface StoredConversation {
  conversationId: string;
  kind: MsTeamsConversationKind;
  tenantId?: string;
  msTeamsTeamId?: string;
  channelId?: string;
  serviceUrl: string;
  reference: Partial<ConversationReference>;
  userId?: string;
}

/** A channel thread's id carries ";messageid=<root>"; the channel itself is the part before it. */
export function baseConversationId(id: string): string {
  return id.split(';')[0]!;
}

export async function saveConversation(db: Db, c: StoredConversation): Promise<void> {
  await db.sql.query(
    `INSERT INTO "msteams_conversation" ("conversation_id", "kind", "tenant_id", "teams_team_id", "channel_id", "service_url", "reference", "user_id")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT ("conversation_id") DO UPDATE SET "kind" = EXCLUDED."kind", "tenant_id" = EXCLUDED."tenant_id",
       "teams_team_id" = COALESCE(EXCLUDED."teams_team_id", "msteams_conversation"."teams_team_id"),
       "channel_id" = COALESCE(EXCLUDED."channel_id", "msteams_conversation"."channel_id"),
       "service_url" = EXCLUDED."service_url", "reference" = EXCLUDED."reference",
       "user_id" = COALESCE(EXCLUDED."user_id", "msteams_conversation"."user_id"), "updated_at" = CURRENT_TIMESTAMP`,
    [c.conversationId, c.kind, c.tenantId ?? null, c.msTeamsTeamId ?? null, c.channelId ?? null, c.serviceUrl, JSON.stringify(c.reference), c.userId ?? null],
  );
}

export async function forgetConversation(db: Db, conversationId: string): Promise<void> {
  await db.sql.query(`DELETE FROM "msteams_conversation" WHERE "conversation_id" = $1`, [conversationId]);
}

interface ConversationRow {
  conversation_id: string;
  kind: MsTeamsConversationKind;
  tenant_id: string | null;
  teams_team_id: string | null;
  channel_id: string | null;
  service_url: string;
  reference: Partial<ConversationReference> | string;
  user_id: string | null;
}

function toStored(row: ConversationRow): StoredConversation {
  return {
    conversationId: row.conversation_id,
    kind: row.kind,
    tenantId: row.tenant_id ?? undefined,
    msTeamsTeamId: row.teams_team_id ?? undefined,
    channelId: row.channel_id ?? undefined,
    serviceUrl: row.service_url,
    reference: typeof row.reference === 'string' ? JSON.parse(row.reference) : row.reference,
    userId: row.user_id ?? undefined,
  };
}

export async function findConversation(db: Db, conversationId: string): Promise<StoredConversation | undefined> {
  const rows = await db.sql.query<ConversationRow>(`SELECT * FROM "msteams_conversation" WHERE "conversation_id" = $1`, [conversationId]);
  return rows[0] ? toStored(rows[0]) : undefined;
}

/** The user's personal chat with the bot: the only private place in Teams. */
export async function personalConversation(db: Db, userId: string): Promise<StoredConversation | undefined> {
  const rows = await db.sql.query<ConversationRow>(
    `SELECT * FROM "msteams_conversation" WHERE "kind" = 'personal' AND "user_id" = $1 ORDER BY "updated_at" DESC LIMIT 1`,
    [userId],
  );
  return rows[0] ? toStored(rows[0]) : undefined;
}

// ---- Message activities, each answered once ----

const ACTIVITY_MEMORY_MS = 24 * 60 * 60 * 1000;

/** Activity ids are unique within their conversation. */
export function activityKey(activity: { id?: string; conversation: { id: string } }): string {
  return `${activity.conversation.id}|${activity.id ?? ''}`;
}

/**
 * True for the first delivery of a message activity; false when Teams resends it (it does when no
 * answer came in time) or another process took it already. The primary key decides.
 */
export async function claimActivity(db: Db, activityKey: string): Promise<boolean> {
  const rows = await db.sql.query(`INSERT INTO "msteams_activity" ("activity_key") VALUES ($1) ON CONFLICT DO NOTHING RETURNING "activity_key"`, [activityKey]);
  // Forget old ids now and then; Teams resends within minutes.
  if (Math.random() < 0.01) await db.prisma.msTeamsActivity.deleteMany({ where: { receivedAt: { lt: new Date(Date.now() - ACTIVITY_MEMORY_MS) } } });
  return rows.length === 1;
}

/** Gives up the claim of a message whose answer failed, so a resend of it is answered. */
export async function releaseActivity(db: Db, activityKey: string): Promise<void> {
  await db.sql.query(`DELETE FROM "msteams_activity" WHERE "activity_key" = $1`, [activityKey]);
}

/** The stored Teams conversations of these ids (e.g. a team's linked channels), in the order asked. */
export async function findConversations(db: Db, conversationIds: string[]): Promise<StoredConversation[]> {
  if (!conversationIds.length) return [];
  const rows = await db.sql.query<ConversationRow>(`SELECT * FROM "msteams_conversation" WHERE "conversation_id" = ANY($1::text[])`, [conversationIds]);
  return conversationIds.flatMap((id) => rows.filter((r) => r.conversation_id === id).map(toStored));
}

/** The channels the bot knows in a Microsoft Teams team (the team's own id is its General channel). */
export async function channelsOfMsTeamsTeam(db: Db, msTeamsTeamId: string): Promise<string[]> {
  const rows = await db.sql.query<{ conversation_id: string }>(`SELECT "conversation_id" FROM "msteams_conversation" WHERE "teams_team_id" = $1`, [msTeamsTeamId]);
  return [msTeamsTeamId, ...rows.map((r) => r.conversation_id).filter((id) => id !== msTeamsTeamId)];
}

/** The team channels the bot is in, most recently active first: where a member's roster entry can be read. */
export async function channelConversations(db: Db, limit = 5): Promise<StoredConversation[]> {
  const rows = await db.sql.query<ConversationRow>(`SELECT * FROM "msteams_conversation" WHERE "kind" = 'channel' ORDER BY "updated_at" DESC LIMIT $1`, [limit]);
  return rows.map(toStored);
}

/** Keeps which answer the message `activityKey` carries, so a click on its feedback buttons finds it. */
export async function rememberAnswerMessage(db: Db, key: string, answerId: string): Promise<void> {
  await db.sql.query(`INSERT INTO "msteams_answer_message" ("activity_key", "answer_id") VALUES ($1, $2) ON CONFLICT ("activity_key") DO UPDATE SET "answer_id" = EXCLUDED."answer_id"`, [key, answerId]);
}

export async function answerOfMessage(db: Db, key: string): Promise<string | undefined> {
  const rows = await db.sql.query<{ answer_id: string }>(`SELECT "answer_id" FROM "msteams_answer_message" WHERE "activity_key" = $1`, [key]);
  return rows[0]?.answer_id;
}
