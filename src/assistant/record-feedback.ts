import type { PrismaClient } from '../lib/db.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { anonymise } from '../privacy/index.ts';

/** Stores 👍/👎 (and an optional comment) for an answer; a second vote by the same user replaces the first. */
export async function recordFeedback(
  prisma: PrismaClient,
  input: { answerId: string; userId: string; rating: 1 | -1; comment?: string },
): Promise<void> {
  const answer = await prisma.answer.findUnique({ where: { id: input.answerId }, select: { id: true } });
  if (!answer) throw new WijkwijsError('not_found', 'Dit antwoord bestaat niet (meer); je feedback kon niet worden opgeslagen.');
  // A comment is free text and may name a resident: it is stored anonymised.
  const comment = input.comment?.trim() ? anonymise(input.comment.trim().slice(0, 1000)).text : null;
  await prisma.feedback.upsert({
    where: { answerId_userId: { answerId: input.answerId, userId: input.userId } },
    create: { answerId: input.answerId, userId: input.userId, rating: input.rating, comment },
    update: { rating: input.rating, comment, createdAt: new Date() },
  });
}
