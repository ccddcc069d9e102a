import type { PrismaClient } from '../lib/db.ts';

/** A user's requests to colleagues that nobody marked as solved yet, newest first (for the Slack Home). */
export async function openHandoffs(prisma: PrismaClient, userId: string, take = 5): Promise<{ createdAt: Date; question?: string }[]> {
  const rows = await prisma.handoff.findMany({ where: { askerId: userId, status: 'open' }, orderBy: { createdAt: 'desc' }, take });
  const questions = await prisma.answer.findMany({ where: { id: { in: rows.flatMap((r) => (r.answerId ? [r.answerId] : [])) } }, select: { id: true, question: true } });
  return rows.map((r) => ({ createdAt: r.createdAt, question: questions.find((q) => q.id === r.answerId)?.question }));
}
