/**
 * Slack as a channel for the assistant's own messages (ctx.messenger): a team's message goes to its
 * team channel, a colleague's to a DM. Buttons in them come back through the normal click listener;
 * a form opens from the stored notification, so anyone the message was for can open it.
 */
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../assistant/reply.ts';
import type { Db } from '../../lib/db.ts';
import type { ChannelDelivery, DeliveryRef, Recipient } from '../../assistant/messenger.ts';
import { teamChannel } from '../../teams/channel-links.ts';
import { messageRefSchema } from './payloads.ts';
import { renderReply, type SlackMessage } from './render.ts';

const SLACK_USER = /^slack:([A-Z0-9]+):([UW][A-Z0-9]+)$/;

/** `defaultGroup`: the user group a message that calls the team mentions when its channel names none. */
export function createSlackDelivery(db: Db, client: WebClient, defaultGroup?: string): ChannelDelivery {
  const render = (reply: Reply, notificationId: string, group?: string): SlackMessage => {
    const message = renderReply(reply, { notificationId });
    if (!reply.callsTeam || !group) return message;
    const mention = `<!subteam^${group}>`;
    return { text: `${mention} ${message.text}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: mention } }, ...message.blocks] };
  };
  return {
    channel: 'slack',
    async post(to: Recipient, reply: Reply, notificationId: string): Promise<DeliveryRef | undefined> {
      let channel: string | undefined;
      let group: string | undefined;
      if (to.teamId !== undefined) {
        const linked = await teamChannel(db, to.teamId, 'slack');
        channel = linked?.externalId.split(':')[1];
        group = linked?.settings.handoffGroup ?? defaultGroup;
      } else {
        const slackUser = SLACK_USER.exec(to.userId)?.[2];
        if (!slackUser) return undefined; // a web or Teams user: not reachable here
        // The DM's own id (D…), so the message can be updated later.
        const opened = await client.conversations.open({ users: slackUser });
        channel = opened.channel?.id;
      }
      if (!channel) return undefined;
      const posted = await client.chat.postMessage({ channel, ...render(reply, notificationId, group) });
      if (!posted.ts) return undefined;
      return { channel: posted.channel ?? channel, ts: posted.ts };
    },
    async update(ref: DeliveryRef, reply: Reply, notificationId: string): Promise<void> {
      const { channel, ts } = messageRefSchema.parse(ref);
      await client.chat.update({ channel, ts, ...render(reply, notificationId) });
    },
  };
}
