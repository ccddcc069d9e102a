/** A team asks for a new intervisie slot: candidate dates as a poll, closed by a lead or after some days. */
import { noticeReply } from '../assistant/reply.ts';
import { z } from 'zod';
import type { Context } from '../assistant/context.ts';
import { defineJob } from '../assistant/feature-kit.ts';
import { cancelJobs, scheduleJob } from '../jobs/schedule-job.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { atLocalTime, DEFAULT_TIME_ZONE, formatDutch } from '../lib/time.ts';
import { requireTeamRole } from '../teams/authorise.ts';
import { isMember } from '../teams/membership.ts';
import { createSlots } from './create-slots.ts';
import { findWerkvorm } from './load-werkvormen.ts';
import type { Slot } from './slot.ts';

export const POLL_DAYS = 5;
const CLOSE_JOB = 'intervisie.close-poll';
export const pollKey = (requestId: string) => `intervisie.poll:${requestId}`;

interface SlotRequest {
  id: string;
  team_id: string;
  requested_by: string;
  title: string;
  method: string;
  duration_minutes: number;
  place: string;
  capacity: number;
  options: string[];
  time_zone: string;
  status: string;
  slot_id: string | null;
}

async function loadRequest(ctx: Context, id: string): Promise<SlotRequest> {
  const [row] = await ctx.db.sql.query<SlotRequest>(`SELECT * FROM intervisie_request WHERE id = $1`, [id]);
  if (!row) throw new WijkwijsError('not_found', 'Deze aanvraag voor intervisie bestaat niet (meer).');
  return row;
}

export interface RequestSlotInput {
  teamId: string;
  userId: string;
  title: string;
  method: string;
  durationMinutes: number;
  place: string;
  capacity: number;
  /** Candidate local date-times "2026-04-02T14:00". */
  options: string[];
}

export async function requestSlot(ctx: Context, input: RequestSlotInput): Promise<string> {
  if (!(await isMember(ctx.db.prisma, input.userId, input.teamId))) throw new WijkwijsError('forbidden', `Je bent geen lid van team ${input.teamId}.`);
  if (!findWerkvorm(ctx.config.knowledgeDir, input.method)) throw new WijkwijsError('bad_request', 'Kies een werkvorm uit de lijst.');
  const options = [...new Set(input.options)].sort();
  if (options.length < 2 || options.length > 4) throw new WijkwijsError('bad_request', 'Geef 2 tot 4 verschillende datums om uit te kiezen.');
  const now = ctx.clock.now();
  for (const o of options) if (atLocalTime(o.slice(0, 10), o.slice(11), DEFAULT_TIME_ZONE) <= now) throw new WijkwijsError('bad_request', 'Alle datums moeten in de toekomst liggen.');
  const closesAt = new Date(now.getTime() + POLL_DAYS * 86_400_000);
  const [row] = await ctx.db.sql.query<{ id: string }>(
    `INSERT INTO intervisie_request (team_id, requested_by, title, method, duration_minutes, place, capacity, options, closes_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10) RETURNING id`,
    [input.teamId, input.userId, input.title, input.method, input.durationMinutes, input.place, input.capacity, options, closesAt, now],
  );
  await scheduleJob(ctx.db, { kind: CLOSE_JOB, payload: { requestId: row!.id }, runAt: closesAt, key: pollKey(row!.id) });
  await sendPoll(ctx, await loadRequest(ctx, row!.id));
  return row!.id;
}

async function votesOf(ctx: Context, requestId: string): Promise<number[]> {
  const rows = await ctx.db.sql.query<{ option: number; n: number }>(`SELECT option, count(*)::int AS n FROM intervisie_vote WHERE request_id = $1 GROUP BY option`, [requestId]);
  const request = await loadRequest(ctx, requestId);
  return request.options.map((_, i) => rows.find((r) => r.option === i)?.n ?? 0);
}

const optionLabel = (option: string, zone: string) => formatDutch(atLocalTime(option.slice(0, 10), option.slice(11), zone), zone);

async function sendPoll(ctx: Context, request: SlotRequest, slot?: Slot): Promise<void> {
  const votes = await votesOf(ctx, request.id);
  const method = findWerkvorm(ctx.config.knowledgeDir, request.method);
  const lines = request.options.map((o, i) => `- ${optionLabel(o, request.time_zone)}: ${votes[i]} ${votes[i] === 1 ? 'stem' : 'stemmen'}`);
  const head = `Intervisie aangevraagd: **${request.title}** (${method?.title ?? request.method}). Wanneer kun jij?`;
  if (request.status !== 'open') {
    const chosen = slot ? `Gekozen: ${formatDutch(new Date(slot.starts_at), slot.time_zone)}. Aanmelden kan bij de aankondiging.` : 'De peiling is gesloten.';
    await ctx.messenger.send({ to: { teamId: request.team_id }, key: pollKey(request.id), reply: noticeReply(`${head}\n${lines.join('\n')}\n\n${chosen}`) });
    return;
  }
  await ctx.messenger.send({
    to: { teamId: request.team_id },
    key: pollKey(request.id),
    reply: noticeReply(`${head}\n${lines.join('\n')}\n\nKies alle momenten die jou passen.`, {
      actions: [
        ...request.options.map((o, i) => ({ id: 'intervisie.vote', label: optionLabel(o, request.time_zone), value: `${request.id}:${i}` })),
        { id: 'intervisie.close-poll', label: 'Peiling sluiten', value: request.id, style: 'primary' as const },
      ],
    }),
  });
}

export async function voteSlot(ctx: Context, input: { requestId: string; option: number; userId: string }): Promise<void> {
  const request = await loadRequest(ctx, input.requestId);
  if (!(await isMember(ctx.db.prisma, input.userId, request.team_id))) throw new WijkwijsError('forbidden', 'Deze peiling is van een ander team.');
  if (request.status !== 'open') throw new WijkwijsError('bad_request', 'Deze peiling is al gesloten.');
  if (!Number.isInteger(input.option) || input.option < 0 || input.option >= request.options.length) throw new WijkwijsError('bad_request', 'Deze datum hoort niet bij de peiling.');
  await ctx.db.sql.query(`INSERT INTO intervisie_vote (request_id, user_id, option, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [request.id, input.userId, input.option, ctx.clock.now()]);
  await sendPoll(ctx, request);
}

/**
 * Closes the poll: the date with the most votes wins (the earliest on a tie) and becomes a slot,
 * announced in the team channel. By the requester or a lead, or by the job when the poll expires.
 */
export async function closePoll(ctx: Context, input: { requestId: string; userId?: string }): Promise<Slot | undefined> {
  const request = await loadRequest(ctx, input.requestId);
  if (input.userId && input.userId !== request.requested_by) await requireTeamRole(ctx.db.prisma, { userId: input.userId }, request.team_id, ['lead', 'admin']);
  const claimed = await ctx.db.sql.query(`UPDATE intervisie_request SET status = 'closed' WHERE id = $1 AND status = 'open' RETURNING id`, [request.id]);
  if (claimed.length === 0) return undefined; // closed already: a late job or a second click
  await cancelJobs(ctx.db, pollKey(request.id));
  const votes = await votesOf(ctx, request.id);
  const now = ctx.clock.now();
  const candidates = request.options
    .map((o, i) => ({ o, n: votes[i]!, at: atLocalTime(o.slice(0, 10), o.slice(11), request.time_zone) }))
    .filter((c) => c.at > now)
    .sort((a, b) => b.n - a.n || a.at.getTime() - b.at.getTime());
  const winner = candidates[0];
  if (!winner) {
    await sendPoll(ctx, { ...request, status: 'closed' });
    return undefined;
  }
  const [slot] = await createSlots(ctx, {
    teamId: request.team_id,
    createdBy: input.userId ?? request.requested_by,
    title: request.title,
    method: request.method,
    facilitatorId: null,
    date: winner.o.slice(0, 10),
    time: winner.o.slice(11),
    durationMinutes: request.duration_minutes,
    place: request.place,
    capacity: request.capacity,
    recurrence: 'eenmalig',
    occurrences: 1,
    timeZone: request.time_zone,
  });
  await ctx.db.sql.query(`UPDATE intervisie_request SET slot_id = $2 WHERE id = $1`, [request.id, slot!.id]);
  await sendPoll(ctx, { ...request, status: 'closed', slot_id: slot!.id }, slot);
  ctx.logger.info({ requestId: request.id, slotId: slot!.id, votes: winner.n }, 'intervisie poll closed');
  return slot;
}

export const closePollJob = defineJob({
  kind: CLOSE_JOB,
  payload: z.object({ requestId: z.string() }),
  async run(ctx, payload) {
    await closePoll(ctx, { requestId: payload.requestId });
  },
});
