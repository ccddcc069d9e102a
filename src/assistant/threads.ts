/** Which conversation a platform thread continues: the channels pass the thread key, the core keeps the rest. */
import type { PrismaClient } from '../lib/db.ts';

export async function threadConversation(prisma: PrismaClient, threadKey: string, userId: string): Promise<string | undefined> {
  const row = await prisma.conversationThread.findUnique({ where: { threadKey_userId: { threadKey, userId } }, select: { conversationId: true } });
  return row?.conversationId;
}

export async function rememberThread(prisma: PrismaClient, threadKey: string, userId: string, conversationId: string): Promise<void> {
  await prisma.conversationThread.upsert({
    where: { threadKey_userId: { threadKey, userId } },
    create: { threadKey, userId, conversationId },
    update: { conversationId },
  });
}

/** Whether Wijkwijs answers in this thread already (for anyone), so follow-ups need no new mention. */
export async function isAnsweredThread(prisma: PrismaClient, threadKey: string): Promise<boolean> {
  return (await prisma.conversationThread.count({ where: { threadKey } })) > 0;
}
