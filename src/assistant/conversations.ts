import type { PrismaClient } from '../lib/db.ts';
import type { Citation, ChannelName } from './reply.ts';

/** Returns the conversation to continue, or starts one when the id is unknown or someone else's. */
export async function openConversation(
  prisma: PrismaClient,
  input: { conversationId?: string; channel: ChannelName; userId: string; teamId?: string },
): Promise<string> {
  if (input.conversationId) {
    const existing = await prisma.conversation.findUnique({ where: { id: input.conversationId } });
    if (existing && existing.userId === input.userId) {
      await prisma.conversation.update({ where: { id: existing.id }, data: { updatedAt: new Date() } });
      return existing.id;
    }
  }
  const created = await prisma.conversation.create({
    data: { channel: input.channel, userId: input.userId, teamId: input.teamId },
  });
  return created.id;
}

/** The last exchanges of a conversation, oldest first (texts are stored anonymised). */
export async function recentExchanges(prisma: PrismaClient, conversationId: string, count = 2): Promise<{ question: string; answer: string }[]> {
  const rows = await prisma.answer.findMany({
    where: { conversationId },
    orderBy: { createdAt: 'desc' },
    take: count,
    select: { question: true, text: true },
  });
  return rows.reverse().map((r) => ({ question: r.question, answer: r.text }));
}

export async function saveAnswer(
  prisma: PrismaClient,
  input: { conversationId: string; question: string; text: string; citations: Citation[]; mode: string },
): Promise<string> {
  const answer = await prisma.answer.create({
    data: {
      conversationId: input.conversationId,
      question: input.question,
      text: input.text,
      // Only references (with the date and owner shown) are kept with the answer; passages stay in the index.
      citations: input.citations.map(({ n, passageId, title, location, source, updated, owner, details, warning }) => ({ n, passageId, title, location, source, updated, owner, details, warning })),
      mode: input.mode,
    },
  });
  return answer.id;
}

/** A user's latest questions, newest first (stored anonymised). */
export async function recentQuestions(prisma: PrismaClient, userId: string, take = 5): Promise<{ question: string; createdAt: Date }[]> {
  return prisma.answer.findMany({ where: { conversation: { userId } }, orderBy: { createdAt: 'desc' }, take, select: { question: true, createdAt: true } });
}
