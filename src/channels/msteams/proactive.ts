/**
 * Posting without being asked, from a stored conversation reference: a new message (a new thread in
 * a channel) and later updates of it. Also the messenger's delivery for Teams.
 */
import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Reply } from '../../assistant/reply.ts';
import type { Context } from '../../context.ts';
import type { ChannelDelivery, DeliveryRef, Recipient } from '../../notifications/messenger.ts';
import { renderReply } from './render.ts';
import { findConversation, linkedChannels, personalConversation, type StoredConversation } from './store.ts';

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

interface TeamsRef {
  conversationId: string;
  activityId: string;
  /** Every channel it went to, when a team has several linked channels. */
  posts?: { conversationId: string; activityId: string }[];
}

/** The messenger's Teams channel: team announcements in linked channels, personal messages in the user's chat. */
export function teamsDelivery(ctx: Context, poster: Poster): ChannelDelivery {
  return {
    channel: 'teams',
    async post(to: Recipient, reply: Reply, notificationId: string): Promise<DeliveryRef | undefined> {
      const activity = renderReply(reply);
      const targets: StoredConversation[] = [];
      if (to.userId !== undefined) {
        if (!to.userId.startsWith('teams:')) return undefined;
        const personal = await personalConversation(ctx.db, to.userId);
        if (personal) targets.push(personal);
      } else {
        targets.push(...(await linkedChannels(ctx.db, to.teamId)));
      }
      const posts: { conversationId: string; activityId: string }[] = [];
      for (const target of targets) {
        const activityId = await postTo(poster, target, activity);
        if (activityId) posts.push({ conversationId: target.conversationId, activityId });
      }
      ctx.logger.info({ notificationId, targets: targets.length, posted: posts.length }, 'teams notification posted');
      if (!posts.length) return undefined;
      const ref: TeamsRef = { ...posts[0]!, posts };
      return ref as unknown as DeliveryRef;
    },
    async update(ref: DeliveryRef, reply: Reply, notificationId: string): Promise<void> {
      const r = ref as unknown as TeamsRef;
      const activity = renderReply(reply);
      for (const post of r.posts ?? [r]) {
        const stored = await findConversation(ctx.db, post.conversationId);
        if (stored) await updateAt(poster, stored, post.activityId, activity);
      }
      ctx.logger.info({ notificationId }, 'teams notification updated');
    },
  };
}
