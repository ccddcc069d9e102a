import { noticeReply } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { scheduleJob } from '../../jobs/schedule-job.ts';
import { addWorkingMinutes, DEFAULT_TIME_ZONE, formatDutch, localDate } from '../../lib/time.ts';
import { recordAuditEvents } from '../../audit/record-audit-events.ts';
import { pickReviewer } from './pick-reviewer.ts';
import { askKey, DEFAULT_TIMEOUT_MINUTES, loadRequest, resultKey, settingKey, timeoutKey, type VierOgenRequest } from './request.ts';

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
  const request = await loadRequest(ctx.db.sql, requestId);
  const now = ctx.clock.now();
  const reviewerId = await pickReviewer(ctx.db.sql, {
    teamId: request.team_id,
    requesterId: request.requester_id,
    expertise: request.expertise,
    exclude: request.passed_by,
    now,
    today: localDate(now, DEFAULT_TIME_ZONE),
  });
  if (!reviewerId) {
    await noReviewerLeft(ctx, request, now);
    return {};
  }
  const minutes = await timeoutMinutesOf(ctx, request.team_id);
  // Working time: a check asked at 16:00 on a Friday is not "unanswered" by Saturday morning.
  const answerBefore = addWorkingMinutes(now, minutes, DEFAULT_TIME_ZONE);
  await ctx.db.sql.transaction(async (tx) => {
    await tx.query(`UPDATE vier_ogen_request SET status = 'asked', reviewer_id = $2, asked_at = $3 WHERE id = $1`, [request.id, reviewerId, now]);
    await tx.query(
      `INSERT INTO vier_ogen_ask (request_id, reviewer_id, team_id, asked_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (request_id, reviewer_id) DO UPDATE SET asked_at = EXCLUDED.asked_at, outcome = 'pending', answered_at = NULL`,
      [request.id, reviewerId, request.team_id, now],
    );
    await tx.query(
      `INSERT INTO member_profile (team_id, user_id, vierogen_asked_count, vierogen_last_asked_at) VALUES ($1, $2, 1, $3)
       ON CONFLICT (team_id, user_id) DO UPDATE SET vierogen_asked_count = member_profile.vierogen_asked_count + 1, vierogen_last_asked_at = $3, updated_at = $3`,
      [request.team_id, reviewerId, now],
    );
  });
  await scheduleJob(ctx.db, { kind: TIME_OUT_JOB, payload: { requestId: request.id, reviewerId }, runAt: answerBefore, key: timeoutKey(request.id) });
  const requester = await displayName(ctx, request.requester_id);
  const lines = [
    `${requester} vraagt je om een vier-ogen check op een voorgenomen indicatie (zonder persoonsgegevens):`,
    '',
    request.indication,
    '',
    request.expertise ? `Gevraagde expertise: ${request.expertise}.` : undefined,
    request.deadline ? `Het besluit moet uiterlijk ${formatDutch(new Date(`${request.deadline}T12:00:00Z`), DEFAULT_TIME_ZONE, false)} vallen.` : undefined,
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
  ctx.logger.info({ requestId: request.id, teamId: request.team_id, passed: request.passed_by.length, timeoutMinutes: minutes }, 'vier-ogen reviewer asked');
  return { reviewerId };
}

async function noReviewerLeft(ctx: Context, request: VierOgenRequest, now: Date): Promise<void> {
  await ctx.db.sql.query(`UPDATE vier_ogen_request SET status = 'no_reviewer', reviewer_id = NULL WHERE id = $1`, [request.id]);
  await recordAuditEvents(ctx.db.prisma, [{ actorId: 'system:vierogen', action: 'vierogen.no_reviewer', subjectType: 'vierogen_request', subjectId: request.id, teamId: request.team_id }], now);
  const leads = await ctx.db.prisma.teamMember.findMany({ where: { teamId: request.team_id, role: 'lead' }, include: { user: true } });
  const leadNames = leads.map((l) => l.user.displayName ?? l.userId);
  await ctx.messenger.send({
    to: { userId: request.requester_id },
    key: resultKey(request.id),
    reply: noticeReply(
      `Voor je vier-ogen check heb ik geen collega gevonden: iedereen is afwezig, heeft gepast of reageerde niet op tijd. ` +
        `Neem het besluit niet zonder tweede blik: vraag het je teamleider${leadNames.length ? ` (${leadNames.join(', ')})` : ''}.`,
    ),
  });
  ctx.logger.info({ requestId: request.id, teamId: request.team_id, passed: request.passed_by.length }, 'vier-ogen no reviewer left');
}
