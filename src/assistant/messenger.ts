/**
 * Messages the assistant sends on its own: an agenda announced in the team channel, a colleague
 * asked for a vier-ogen check, a reminder. Features address a user or a team; the messenger stores
 * the message (the web chat shows it from there) and hands it to every channel that can reach the
 * recipient (Slack, Teams). A message with a key can be updated in place later, e.g. when RSVPs change.
 */
import type { ChannelName, Reply } from './reply.ts';
import type { Db } from '../lib/db.ts';
import type { Logger } from '../lib/logger.ts';

export type Recipient = { userId: string; teamId?: undefined } | { teamId: string; userId?: undefined };

export interface OutgoingMessage {
  to: Recipient;
  reply: Reply;
  /** Stable id of this message for later updates, e.g. `twintig.item:<id>`; sending the same key again updates it. */
  key?: string;
}

/** Where one channel posted a message, so it can update it later (e.g. `{ channel, ts }`). */
export type DeliveryRef = Record<string, unknown>;

/**
 * A channel that can post on its own. `post` returns where it posted, or undefined when it cannot
 * reach this recipient (a web user in Slack, a team without a linked Teams channel). `update`
 * replaces a message it posted before.
 */
export interface ChannelDelivery {
  channel: ChannelName;
  post(to: Recipient, reply: Reply, notificationId: string): Promise<DeliveryRef | undefined>;
  update(ref: DeliveryRef, reply: Reply, notificationId: string): Promise<void>;
}

export interface SentMessage {
  notificationId: string;
  /** The channels that took the message (the web chat is always one of them: it reads the store). */
  channels: ChannelName[];
}

export class Messenger {
  private readonly deliveries = new Map<ChannelName, ChannelDelivery>();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
  ) {}

  /** A channel registers itself when it starts; returns the function that unregisters it. */
  register(delivery: ChannelDelivery): () => void {
    this.deliveries.set(delivery.channel, delivery);
    return () => {
      if (this.deliveries.get(delivery.channel) === delivery) this.deliveries.delete(delivery.channel);
    };
  }

  async send(message: OutgoingMessage): Promise<SentMessage> {
    const { prisma } = this.db;
    const reply = JSON.parse(JSON.stringify(message.reply)) as Reply;
    const existing = message.key ? await prisma.notification.findUnique({ where: { key: message.key } }) : null;
    const row = existing
      ? await prisma.notification.update({ where: { id: existing.id }, data: { reply: reply as object } })
      : await prisma.notification.create({ data: { key: message.key, userId: message.to.userId, teamId: message.to.teamId, reply: reply as object } });
    const refs = { ...((existing?.deliveries ?? {}) as Record<string, DeliveryRef>) };
    const channels: ChannelName[] = ['web'];
    for (const delivery of this.deliveries.values()) {
      try {
        const previous = refs[delivery.channel];
        if (previous) {
          await delivery.update(previous, reply, row.id);
          channels.push(delivery.channel);
        } else {
          const ref = await delivery.post(message.to, reply, row.id);
          if (ref) {
            refs[delivery.channel] = ref;
            channels.push(delivery.channel);
          }
        }
      } catch (error) {
        // One channel being down must not stop the others; the message stays readable in the store.
        this.logger.warn({ err: error, notificationId: row.id, channel: delivery.channel }, 'notification not delivered');
      }
    }
    await prisma.notification.update({ where: { id: row.id }, data: { deliveries: refs as object } });
    this.logger.info({ notificationId: row.id, updated: Boolean(existing), channels }, 'notification sent');
    return { notificationId: row.id, channels };
  }
}
