/**
 * Posting without being asked, from a stored conversation reference: a new message (a new thread in
 * a channel) and later updates of it. Also the messenger's delivery for Teams.
 */
import { TurnContext, type Activity, type ChannelAccount, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Reply } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import type { ChannelDelivery, DeliveryRef, Recipient } from '../../assistant/messenger.ts';
import { MSTEAMS_USER_PREFIX } from './activity.ts';
import { renderReply } from './render.ts';
import { teamChannels } from '../../teams/channel-links.ts';
import { findConversation, findConversations, personalConversation, saveConversation, type StoredConversation } from './store.ts';

// The audience of tokens for calls to Teams (the Bot Framework's public cloud).
const MSTEAMS_AUDIENCE = 'https://api.botframework.com';

export interface Poster {
  adapter: CloudAdapter;
  appId: string;
}

export async function postTo(poster: Poster, stored: StoredConversation, activity: Partial<Activity>): Promise<string | undefined> {
  let id: string | undefined;
  await poster.adapter.continueConversationAsync(poster.appId, stored.reference as ConversationReference, async (tc) => {
    // Not tc.sendActivity: that would make it a reply to the continuation's made-up activity id.
    const outgoing = TurnContext.applyConversationReference({ ...activity }, stored.reference);
    delete outgoing.replyToId;
    const [response] = await tc.adapter.sendActivities(tc, [outgoing]);
    id = response?.id;
  });
  return id;
}

export async function updateAt(poster: Poster, stored: StoredConversation, activityId: string, activity: Partial<Activity>): Promise<void> {
  await poster.adapter.continueConversationAsync(poster.appId, stored.reference as ConversationReference, async (tc) => {
    await tc.updateActivity({ ...activity, id: activityId });
  });
}

/**
 * Opens the personal chat with someone the bot has never talked to, as Teams lets a bot installed in
 * their team do (POST /v3/conversations), and keeps its reference: a newcomer added to a team gets
 * their welcome without first having to find the app.
 */
export async function openPersonalConversation(
  ctx: Context,
  poster: Poster,
  input: { userId: string; member: ChannelAccount; bot: ChannelAccount; serviceUrl: string; tenantId?: string; channelId?: string },
): Promise<StoredConversation | undefined> {
  let stored: StoredConversation | undefined;
  const channelId = input.channelId ?? 'msteams';
  await poster.adapter.createConversationAsync(
    poster.appId,
    channelId,
    input.serviceUrl,
    MSTEAMS_AUDIENCE,
    { isGroup: false, bot: input.bot, members: [input.member], tenantId: input.tenantId, channelData: input.tenantId ? { tenant: { id: input.tenantId } } : undefined } as never,
    async (tc) => {
      const conversationId = tc.activity.conversation.id;
      stored = {
        conversationId,
        kind: 'personal',
        tenantId: input.tenantId,
        serviceUrl: input.serviceUrl,
        reference: { channelId, serviceUrl: input.serviceUrl, bot: input.bot, user: input.member, conversation: { id: conversationId, conversationType: 'personal', tenantId: input.tenantId, isGroup: false } as ConversationReference['conversation'] },
        userId: input.userId,
      };
      await saveConversation(ctx.db, stored);
    },
  );
  return stored;
}

/** A message that calls the team mentions the channel's tag (`groep @tag`), as Slack mentions the user group. */
function callingTag(activity: Partial<Activity>, tag: { id: string; name: string }): Partial<Activity> {
  const text = `<at>${tag.name}</at>`;
  return { ...activity, text: `${text} ${activity.text ?? ''}`, entities: [...(activity.entities ?? []), { type: 'mention', text, mentioned: { id: tag.id, name: tag.name, type: 'tag' } } as never] };
}

interface MsTeamsRef {
  conversationId: string;
  activityId: string;
  /** Every channel it went to, when a team has several linked channels. */
  posts?: { conversationId: string; activityId: string }[];
}

/** The messenger's Teams channel: team announcements in linked channels, personal messages in the user's chat. */
export function msTeamsDelivery(ctx: Context, poster: Poster): ChannelDelivery {
  return {
    channel: 'msteams',
    async post(to: Recipient, reply: Reply, notificationId: string): Promise<DeliveryRef | undefined> {
      const activity = renderReply(reply);
      const targets: StoredConversation[] = [];
      const tags = new Map<string, { id: string; name: string }>();
      if (to.userId !== undefined) {
        if (!to.userId.startsWith(MSTEAMS_USER_PREFIX)) return undefined;
        const personal = await personalConversation(ctx.db, to.userId);
        if (personal) targets.push(personal);
      } else {
        const linked = await teamChannels(ctx.db, to.teamId, 'msteams');
        for (const c of linked) if (c.settings.handoffGroup) tags.set(c.externalId, { id: c.settings.handoffGroup, name: c.settings.handoffGroupName ?? 'team' });
        targets.push(...(await findConversations(ctx.db, linked.map((c) => c.externalId))));
      }
      const posts: { conversationId: string; activityId: string }[] = [];
      for (const target of targets) {
        const tag = reply.callsTeam ? tags.get(target.conversationId) : undefined;
        const activityId = await postTo(poster, target, tag ? callingTag(activity, tag) : activity);
        if (activityId) posts.push({ conversationId: target.conversationId, activityId });
      }
      ctx.logger.info({ notificationId, targets: targets.length, posted: posts.length }, 'msteams notification posted');
      if (!posts.length) return undefined;
      const ref: MsTeamsRef = { ...posts[0]!, posts };
      return ref as unknown as DeliveryRef;
    },
    async update(ref: DeliveryRef, reply: Reply, notificationId: string): Promise<void> {
      const r = ref as unknown as MsTeamsRef;
      const activity = renderReply(reply);
      for (const post of r.posts ?? [r]) {
        const stored = await findConversation(ctx.db, post.conversationId);
        if (stored) await updateAt(poster, stored, post.activityId, activity);
      }
      ctx.logger.info({ notificationId }, 'msteams notification updated');
    },
  };
}
