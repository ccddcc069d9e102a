/** The shapes Teams sends us, checked at the door, and the ids we derive from them. */
import type { Activity, ChannelAccount, ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { baseConversationId, type StoredConversation, type MsTeamsConversationKind } from './store.ts';

const id = z.string().min(1).max(1000);
const account = z.looseObject({ id, name: z.string().max(500).optional(), aadObjectId: z.string().max(100).optional() });

/** Enough to route and answer; the rest passes through to botbuilder as Teams sent it. */
export const activitySchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1000).optional(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url().max(1000),
  from: account,
  recipient: account,
  conversation: z.looseObject({ id, conversationType: z.string().max(50).optional(), tenantId: z.string().max(100).optional(), isGroup: z.boolean().optional() }),
  text: z.string().max(100_000).optional(),
  name: z.string().max(200).optional(),
  replyToId: z.string().max(1000).optional(),
  channelData: z.looseObject({}).optional(),
});

const msTeamsChannelData = z.looseObject({
  team: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
  channel: z.looseObject({ id: z.string().optional() }).optional(),
  tenant: z.looseObject({ id: z.string().optional() }).optional(),
});

/**
 * How a Wijkwijs user id from Microsoft Teams begins. It keeps the "teams:" under which ids were
 * first issued: admins type these ids, erasure finds them in every table and the audit trail's
 * pseudonyms are made from them, so a user id is never rewritten. It is part of an id, not a name
 * of the channel (that is "msteams").
 */
export const MSTEAMS_USER_PREFIX = 'teams:';

/** `teams:<aadObjectId>`: the same person in every team and chat; the Bot Framework id as fallback. */
export function msTeamsUserId(account: Pick<ChannelAccount, 'id' | 'aadObjectId'>): string {
  return `${MSTEAMS_USER_PREFIX}${account.aadObjectId || account.id}`;
}

export function channelData(activity: Partial<Activity>): z.infer<typeof msTeamsChannelData> {
  const parsed = msTeamsChannelData.safeParse(activity.channelData ?? {});
  return parsed.success ? parsed.data : {};
}

export function conversationKind(activity: Partial<Activity>): MsTeamsConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat' || type === 'personal') return type;
  if (activity.conversation?.isGroup) return channelData(activity).channel?.id ? 'channel' : 'groupChat';
  return 'personal';
}

/** The Teams channel (not the thread) of a channel activity; undefined in chats. */
export function msTeamsChannelId(activity: Partial<Activity>): string | undefined {
  if (conversationKind(activity) !== 'channel') return undefined;
  return channelData(activity).channel?.id ?? baseConversationId(activity.conversation!.id);
}

/**
 * Where to post later without being asked: for a channel its main line (a new thread each time),
 * for a chat the chat itself. No activity id: a proactive message replies to nothing.
 */
export function storedConversation(activity: Activity, reference: Partial<ConversationReference>): StoredConversation {
  const kind = conversationKind(activity);
  const data = channelData(activity);
  const conversationId = kind === 'channel' ? msTeamsChannelId(activity)! : activity.conversation.id;
  const { activityId: _activityId, ...rest } = reference;
  return {
    conversationId,
    kind,
    tenantId: data.tenant?.id ?? activity.conversation.tenantId,
    msTeamsTeamId: data.team?.id,
    channelId: kind === 'channel' ? conversationId : undefined,
    serviceUrl: activity.serviceUrl,
    reference: { ...rest, conversation: { ...reference.conversation!, id: conversationId } },
    userId: kind === 'personal' ? msTeamsUserId(activity.from) : undefined,
  };
}

type Mention = { type?: string; text?: string; mentioned?: { id?: string; name?: string; type?: string } };

/** Whether the message @-mentions the bot (a channel message without it came through the channel permission). */
export function isMentioned(activity: Partial<Activity>): boolean {
  return (activity.entities ?? []).some((e) => (e as Mention).type === 'mention' && (e as Mention).mentioned?.id === activity.recipient?.id);
}

/** A Teams tag @-mentioned in the message ("@Wijkwijs groep @wijkcoaches"), with its id and name. */
export function mentionedTag(activity: Partial<Activity>): { id: string; name: string } | undefined {
  const tag = (activity.entities ?? []).map((e) => e as Mention).find((e) => e.type === 'mention' && e.mentioned?.type === 'tag' && e.mentioned.id);
  return tag ? { id: tag.mentioned!.id!, name: tag.mentioned!.name ?? (tag.text ?? '').replace(/<\/?at>/g, '') } : undefined;
}

/**
 * The text without the bot's @-mention (Teams wraps it as <at>Wijkwijs</at>) or any leftover tags.
 * With `peopleAsIds`, an @-mention of a colleague becomes their Wijkwijs id, so a command such as
 * "beheer admin @Anna" names the person exactly.
 */
export function stripMention(activity: Partial<Activity>, options: { peopleAsIds?: boolean } = {}): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    const mention = entity as Mention & { mentioned?: { aadObjectId?: string } };
    if (mention.type !== 'mention' || !mention.text || !mention.mentioned?.id) continue;
    if (mention.mentioned.id === activity.recipient?.id) text = text.split(mention.text).join(' ');
    else if (options.peopleAsIds && mention.mentioned.type !== 'tag') text = text.split(mention.text).join(` ${msTeamsUserId({ id: mention.mentioned.id, aadObjectId: mention.mentioned.aadObjectId })} `);
  }
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The colleagues @-mentioned in a message (not the bot), with the name Teams shows for them. */
export function mentionedPeople(activity: Partial<Activity>): { userId: string; name?: string }[] {
  return (activity.entities ?? []).flatMap((entity) => {
    const mention = entity as Mention & { mentioned?: { aadObjectId?: string } };
    if (mention.type !== 'mention' || !mention.mentioned?.id || mention.mentioned.type === 'tag' || mention.mentioned.id === activity.recipient?.id) return [];
    return [{ userId: msTeamsUserId({ id: mention.mentioned.id, aadObjectId: mention.mentioned.aadObjectId }), name: mention.mentioned.name }];
  });
}

/** A card's data: the action and its value, plus the form's inputs as `field.<name>`. */
export const cardDataSchema = z.looseObject({
  actionId: z.string().min(1).max(100),
  value: z.string().max(200).optional(),
});

export function cardFields(data: Record<string, unknown>, prefix: string): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!key.startsWith(prefix) || key.length > prefix.length + 100) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key.slice(prefix.length)] = String(value).slice(0, 20_000);
  }
  return Object.keys(fields).length ? fields : undefined;
}
