import { noticeReply } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { cancelJobs } from '../../jobs/schedule-job.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { formatDutch } from '../../lib/time.ts';
import { anonymise } from '../../privacy/index.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import { displayName } from './ask-next-reviewer.ts';
import { askKey, loadRequest, resultKey, timeoutKey } from './request.ts';

export interface DecideCheckInput {
  requestId: string;
  reviewerId: string;
  agreed: boolean;
  note?: string;
}

/**
 * The asked colleague's verdict. Only they may give it, and only while the request waits for them;
 * the verdict goes to the requester, replaces the question in the colleague's own chat and goes into
 * the audit trail (who, what, when; never the text).
 */
export async function decideCheck(ctx: Context, input: DecideCheckInput): Promise<{ text: string }> {
  const now = ctx.clock.now();
  const status = input.agreed ? 'agreed' : 'not_agreed';
  // A note may name a resident too; it is stored only in its anonymised form.
  const note = input.note?.trim() ? anonymise(input.note.trim().slice(0, 2000)).text : null;
  const request = await loadRequest(ctx.db.prisma, input.requestId);
  const updated = await ctx.db.prisma.$transaction(async (tx) => {
    const claimed = await tx.vierOgenRequest.updateMany({
      where: { id: input.requestId, status: 'asked', reviewerId: input.reviewerId },
      data: { status, decidedBy: input.reviewerId, decidedAt: now, note },
    });
    if (claimed.count === 0) return false;
    await tx.vierOgenAsk.updateMany({ where: { requestId: input.requestId, reviewerId: input.reviewerId }, data: { outcome: status, answeredAt: now } });
    await recordAuditEvents(
      tx,
      [{ actorId: input.reviewerId, action: input.agreed ? 'vierogen.agreed' : 'vierogen.not_agreed', subjectType: 'vierogen_request', subjectId: input.requestId, teamId: request.teamId, at: now }],
      now,
    );
    return true;
  });
  if (!updated) {
    if (request.reviewerId !== input.reviewerId && !request.passedBy.includes(input.reviewerId)) {
      throw new WijkwijsError('forbidden', 'Deze vier-ogen check is aan een andere collega gevraagd; alleen die kan akkoord geven.');
    }
    throw new WijkwijsError('bad_request', 'Deze vier-ogen check is al afgehandeld of aan een andere collega doorgegeven.');
  }
  await cancelJobs(ctx.db, timeoutKey(input.requestId));
  const reviewer = await displayName(ctx, input.reviewerId);
  const verdict = input.agreed ? 'akkoord' : 'niet akkoord';
  await ctx.messenger.send({
    to: { userId: request.requesterId },
    key: resultKey(input.requestId),
    reply: noticeReply(
      `${reviewer} heeft je vier-ogen check bekeken: ${verdict} (${formatDutch(now)}).` +
        (note ? `\nToelichting: ${note}` : '') +
        (input.agreed ? '\nLeg de uitkomst vast in het dossier.' : '\nBespreek samen wat er anders moet, of breng de casus in bij de twintig-ogen bespreking.'),
    ),
  });
  // The colleague keeps what they decided on: the reply that replaces their question shows it too.
  const text = `${request.indication}\n\nJe gaf ${verdict} op deze vier-ogen check. Dank je! De aanvrager is op de hoogte.`;
  await ctx.messenger.send({ to: { userId: input.reviewerId }, key: askKey(input.requestId, input.reviewerId), reply: noticeReply(text) });
  ctx.logger.info({ requestId: input.requestId, teamId: request.teamId, status }, 'vier-ogen decided');
  return { text };
}
