import { noticeReply } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { scheduleJob } from '../../jobs/schedule-job.ts';
import { addWorkingMinutes, DEFAULT_TIME_ZONE, formatDutch, localDate } from '../../lib/time.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import { pickReviewer } from './pick-reviewer.ts';
import type { VierOgenRequest } from '../../generated/prisma/client.ts';
import { askKey, DEFAULT_TIMEOUT_MINUTES, loadRequest, localDateOf, resultKey, settingKey, timeoutKey } from './request.ts';

export const TIME_OUT_JOB = 'vierogen.time-out';

export async function timeoutMinutesOf(ctx: Context, teamId: string): Promise<number> {
  const row = await ctx.db.prisma.setting.findUnique({ where: { key: settingKey(teamId) } });
  return typeof row?.value === 'number' && row.value > 0 ? row.value : DEFAULT_TIMEOUT_MINUTES;
}

export async function displayName(ctx: Context, userId: string): Promise<string> {
  const user = await ctx.db.prisma.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  return user?.displayName ?? userId;
}

/**
 * Asks the next colleague in the rotation for this request, with a time-out after which the one
 * after them is asked. When nobody is left, the requester hears so and is pointed to the team lead.
 */
export async function askNextReviewer(ctx: Context, requestId: string): Promise<{ reviewerId?: string }> {
  const request = await loadRequest(ctx.db.prisma, requestId);
  const now = ctx.clock.now();
  const reviewerId = await pickReviewer(ctx.db.prisma, {
    teamId: request.teamId,
    requesterId: request.requesterId,
    expertise: request.expertise,
    exclude: request.passedBy,
    now,
    today: localDate(now, DEFAULT_TIME_ZONE),
  });
  if (!reviewerId) {
    await noReviewerLeft(ctx, request, now);
    return {};
  }
  const minutes = await timeoutMinutesOf(ctx, request.teamId);
  // Working time: a check asked at 16:00 on a Friday is not "unanswered" by Saturday morning.
  const answerBefore = addWorkingMinutes(now, minutes, DEFAULT_TIME_ZONE);
  await ctx.db.prisma.$transaction(async (tx) => {
    await tx.vierOgenRequest.update({ where: { id: request.id }, data: { status: 'asked', reviewerId, askedAt: now } });
    await tx.vierOgenAsk.upsert({
      where: { requestId_reviewerId: { requestId: request.id, reviewerId } },
      create: { requestId: request.id, reviewerId, teamId: request.teamId, askedAt: now },
      update: { askedAt: now, outcome: 'pending', answeredAt: null },
    });
    await tx.memberProfile.upsert({
      where: { teamId_userId: { teamId: request.teamId, userId: reviewerId } },
      create: { teamId: request.teamId, userId: reviewerId, vierogenAskedCount: 1, vierogenLastAskedAt: now },
      update: { vierogenAskedCount: { increment: 1 }, vierogenLastAskedAt: now, updatedAt: now },
    });
  });
  await scheduleJob(ctx.db, { kind: TIME_OUT_JOB, payload: { requestId: request.id, reviewerId }, runAt: answerBefore, key: timeoutKey(request.id) });
  const requester = await displayName(ctx, request.requesterId);
  const lines = [
    `${requester} vraagt je om een vier-ogen check op een voorgenomen indicatie (zonder persoonsgegevens):`,
    '',
    request.indication,
    '',
    request.expertise ? `Gevraagde expertise: ${request.expertise}.` : undefined,
    request.deadline ? `Het besluit moet uiterlijk ${formatDutch(new Date(`${localDateOf(request.deadline)}T12:00:00Z`), DEFAULT_TIME_ZONE, false)} vallen.` : undefined,
    `Reageer graag vóór ${formatDutch(answerBefore)}; daarna vraag ik een andere collega. Past het nu niet? Kies "Ik pas".`,
  ].filter((l) => l !== undefined);
  await ctx.messenger.send({
    to: { userId: reviewerId },
    key: askKey(request.id, reviewerId),
    reply: noticeReply(lines.join('\n'), {
      actions: [
        { id: 'vierogen.agree', label: 'Akkoord', value: request.id, style: 'primary' },
        { id: 'vierogen.disagree', label: 'Niet akkoord', value: request.id, style: 'danger' },
        { id: 'vierogen.pass', label: 'Ik pas', value: request.id },
      ],
    }),
  });
  ctx.logger.info({ requestId: request.id, teamId: request.teamId, passed: request.passedBy.length, timeoutMinutes: minutes }, 'vier-ogen reviewer asked');
  return { reviewerId };
}

async function noReviewerLeft(ctx: Context, request: VierOgenRequest, now: Date): Promise<void> {
  await ctx.db.prisma.vierOgenRequest.update({ where: { id: request.id }, data: { status: 'no_reviewer', reviewerId: null } });
  await recordAuditEvents(ctx.db.prisma, [{ actorId: 'system:vierogen', action: 'vierogen.no_reviewer', subjectType: 'vierogen_request', subjectId: request.id, teamId: request.teamId }], now);
  const leads = await ctx.db.prisma.teamMember.findMany({ where: { teamId: request.teamId, role: 'lead' }, include: { user: true } });
  const leadNames = leads.map((l) => l.user.displayName ?? l.userId);
  await ctx.messenger.send({
    to: { userId: request.requesterId },
    key: resultKey(request.id),
    reply: noticeReply(
      `Voor je vier-ogen check heb ik geen collega gevonden: iedereen is afwezig, heeft gepast of reageerde niet op tijd. ` +
        `Neem het besluit niet zonder tweede blik: vraag het je teamleider${leadNames.length ? ` (${leadNames.join(', ')})` : ''}.`,
    ),
  });
  ctx.logger.info({ requestId: request.id, teamId: request.teamId, passed: request.passedBy.length }, 'vier-ogen no reviewer left');
}
