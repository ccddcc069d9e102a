/**
 * Opening a form that waits in a message for a later click (a Slack modal needs that click): who may
 * open it is decided here, for every channel.
 */
import type { Reply, ReplyForm } from '../assistant/reply.ts';
import type { Db, PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { isMember } from '../teams/membership.ts';

/** The owner of a form in a message the whole team channel sees: any member of the team may open it. */
export const teamOwner = (teamId: string) => `team:${teamId}`;

/** Whether `userId` may open a form kept for `owner` (a user id, or `team:<id>`). */
export async function mayOpenForm(prisma: PrismaClient, owner: string, userId: string): Promise<boolean> {
  if (owner === userId) return true;
  return owner.startsWith('team:') && isMember(prisma, userId, owner.slice('team:'.length));
}

/** The current form of a message Wijkwijs sent on its own, for whoever it was sent to (the user, or a member of the team). */
export async function openNotificationForm(db: Db, input: { notificationId: string; userId: string }): Promise<{ form: ReplyForm; teamId?: string }> {
  const notification = await db.prisma.notification.findUnique({ where: { id: input.notificationId } });
  const owner = notification?.userId ?? (notification?.teamId ? teamOwner(notification.teamId) : undefined);
  const form = notification && owner && (await mayOpenForm(db.prisma, owner, input.userId)) ? (notification.reply as unknown as Reply).form : undefined;
  if (!form) throw new WijkwijsError('not_found', 'Dit formulier is er niet (meer), of is niet voor jou bedoeld.');
  return { form, teamId: notification!.teamId ?? undefined };
}
