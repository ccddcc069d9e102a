/** "Opgelost" under a hand-off request: the posted request shows who solved it, and the asker hears of it. */
import { noticeReply, type Reply, type Turn } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { handoffKey, shortQuestion } from './handoff-message.ts';

export async function resolveHandoff(ctx: Context, turn: Turn, handoffId: string): Promise<Reply> {
  const { prisma } = ctx.db;
  // Two colleagues clicking at once: only the first changes the status.
  const { count } = await prisma.handoff.updateMany({ where: { id: handoffId, status: 'open' }, data: { status: 'resolved', resolvedBy: turn.userId, resolvedAt: new Date() } });
  if (count === 0) return noticeReply('Deze vraag was al opgelost.');
  const handoff = await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } });
  const answer = handoff.answerId ? await prisma.answer.findUnique({ where: { id: handoff.answerId }, select: { question: true } }) : null;
  const solver = turn.userName ?? 'een collega';
  // The question stays visible; only the button gives way to who solved it.
  const resolved = noticeReply(`✅ Opgelost door ${solver}.${answer ? `\n\n${shortQuestion(answer.question)}` : ''}`);
  await ctx.messenger.send({ to: { teamId: handoff.teamId }, reply: resolved, key: handoffKey(handoff) });
  await ctx.messenger.send({ to: { userId: handoff.askerId }, reply: noticeReply(`✅ ${solver} heeft je vraag in het teamkanaal als opgelost gemarkeerd.`) });
  ctx.logger.info({ handoffId: handoff.id, teamId: handoff.teamId }, 'hand-off resolved');
  return { ...resolved, replacesSource: true };
}
