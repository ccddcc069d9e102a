import { noticeReply } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { cancelJobs } from '../../jobs/schedule-job.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { askNextReviewer } from './ask-next-reviewer.ts';
import { askKey, loadRequest, timeoutKey } from './request.ts';

/**
 * The asked colleague passes ('passed') or did not answer in time ('timed_out'): the request moves
 * to the next colleague in the rotation. Returns false when the request no longer waits for them
 * (a late time-out after a decision), so the job stays idempotent.
 */
export async function passCheck(ctx: Context, input: { requestId: string; reviewerId: string; outcome: 'passed' | 'timed_out' }): Promise<boolean> {
  const now = ctx.clock.now();
  const moved = await ctx.db.prisma.$transaction(async (tx) => {
    const claimed = await tx.vierOgenRequest.updateMany({
      where: { id: input.requestId, status: 'asked', reviewerId: input.reviewerId },
      data: { passedBy: { push: input.reviewerId }, reviewerId: null },
    });
    if (claimed.count === 0) return false;
    await tx.vierOgenAsk.updateMany({ where: { requestId: input.requestId, reviewerId: input.reviewerId }, data: { outcome: input.outcome, answeredAt: now } });
    return true;
  });
  if (!moved) return false;
  if (input.outcome === 'passed') await cancelJobs(ctx.db, timeoutKey(input.requestId));
  const request = await loadRequest(ctx.db.prisma, input.requestId);
  await ctx.messenger.send({
    to: { userId: input.reviewerId },
    key: askKey(input.requestId, input.reviewerId),
    reply: noticeReply(
      input.outcome === 'passed'
        ? `${request.indication}\n\nJe hebt gepast; ik vraag een andere collega.`
        : `${request.indication}\n\nDe tijd voor deze vier-ogen check is verstreken; ik heb een andere collega gevraagd.`,
    ),
  });
  ctx.logger.info({ requestId: input.requestId, outcome: input.outcome }, 'vier-ogen reviewer moved on');
  await askNextReviewer(ctx, input.requestId);
  return true;
}

export async function requireAskedReviewer(ctx: Context, requestId: string, userId: string): Promise<void> {
  const request = await loadRequest(ctx.db.prisma, requestId);
  if (request.reviewerId !== userId) {
    throw new WijkwijsError('forbidden', 'Deze vier-ogen check is niet (meer) aan jou gevraagd.');
  }
}
