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
import type { IntervisieRequest } from '../generated/prisma/client.ts';
import type { Slot } from './slot.ts';

export const POLL_DAYS = 5;
const CLOSE_JOB = 'intervisie.close-poll';
export const pollKey = (requestId: string) => `intervisie.poll:${requestId}`;

type SlotRequest = IntervisieRequest;

async function loadRequest(ctx: Context, id: string): Promise<SlotRequest> {
  const row = await ctx.db.prisma.intervisieRequest.findUnique({ where: { id } });
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
  const request = await ctx.db.prisma.intervisieRequest.create({
    data: {
      teamId: input.teamId,
      requestedBy: input.userId,
      title: input.title,
      method: input.method,
      durationMinutes: input.durationMinutes,
      place: input.place,
      capacity: input.capacity,
      options,
      closesAt,
      createdAt: now,
    },
  });
  await scheduleJob(ctx.db, { kind: CLOSE_JOB, payload: { requestId: request.id }, runAt: closesAt, key: pollKey(request.id) });
  await sendPoll(ctx, request);
  return request.id;
}

async function votesOf(ctx: Context, request: SlotRequest): Promise<number[]> {
  const rows = await ctx.db.prisma.intervisieVote.groupBy({ by: ['option'], where: { requestId: request.id }, _count: { _all: true } });
  return request.options.map((_, i) => rows.find((r) => r.option === i)?._count._all ?? 0);
}

const optionLabel = (option: string, zone: string) => formatDutch(atLocalTime(option.slice(0, 10), option.slice(11), zone), zone);

async function sendPoll(ctx: Context, request: SlotRequest, slot?: Slot): Promise<void> {
  const votes = await votesOf(ctx, request);
  const method = findWerkvorm(ctx.config.knowledgeDir, request.method);
  const lines = request.options.map((o, i) => `- ${optionLabel(o, request.timeZone)}: ${votes[i]} ${votes[i] === 1 ? 'stem' : 'stemmen'}`);
  const head = `Intervisie aangevraagd: **${request.title}** (${method?.title ?? request.method}). Wanneer kun jij?`;
  if (request.status !== 'open') {
    const chosen = slot ? `Gekozen: ${formatDutch(slot.startsAt, slot.timeZone)}. Aanmelden kan bij de aankondiging.` : 'De peiling is gesloten.';
    await ctx.messenger.send({ to: { teamId: request.teamId }, key: pollKey(request.id), reply: noticeReply(`${head}\n${lines.join('\n')}\n\n${chosen}`) });
    return;
  }
  await ctx.messenger.send({
    to: { teamId: request.teamId },
    key: pollKey(request.id),
    reply: noticeReply(`${head}\n${lines.join('\n')}\n\nKies alle momenten die jou passen.`, {
      actions: [
        ...request.options.map((o, i) => ({ id: 'intervisie.vote', label: optionLabel(o, request.timeZone), value: `${request.id}:${i}` })),
        { id: 'intervisie.close-poll', label: 'Peiling sluiten', value: request.id, style: 'primary' as const },
      ],
    }),
  });
}

export async function voteSlot(ctx: Context, input: { requestId: string; option: number; userId: string }): Promise<void> {
  const request = await loadRequest(ctx, input.requestId);
  if (!(await isMember(ctx.db.prisma, input.userId, request.teamId))) throw new WijkwijsError('forbidden', 'Deze peiling is van een ander team.');
  if (request.status !== 'open') throw new WijkwijsError('bad_request', 'Deze peiling is al gesloten.');
  if (!Number.isInteger(input.option) || input.option < 0 || input.option >= request.options.length) throw new WijkwijsError('bad_request', 'Deze datum hoort niet bij de peiling.');
  await ctx.db.prisma.intervisieVote.createMany({ data: [{ requestId: request.id, userId: input.userId, option: input.option, createdAt: ctx.clock.now() }], skipDuplicates: true });
  await sendPoll(ctx, request);
}

/**
 * Closes the poll: the date with the most votes wins (the earliest on a tie) and becomes a slot,
 * announced in the team channel. By the requester or a lead, or by the job when the poll expires.
 */
export async function closePoll(ctx: Context, input: { requestId: string; userId?: string }): Promise<Slot | undefined> {
  const request = await loadRequest(ctx, input.requestId);
  if (input.userId && input.userId !== request.requestedBy) await requireTeamRole(ctx.db.prisma, { userId: input.userId }, request.teamId, ['lead', 'admin']);
  const claimed = await ctx.db.prisma.intervisieRequest.updateMany({ where: { id: request.id, status: 'open' }, data: { status: 'closed' } });
  if (claimed.count === 0) return undefined; // closed already: a late job or a second click
  await cancelJobs(ctx.db, pollKey(request.id));
  const votes = await votesOf(ctx, request);
  const now = ctx.clock.now();
  const candidates = request.options
    .map((o, i) => ({ o, n: votes[i]!, at: atLocalTime(o.slice(0, 10), o.slice(11), request.timeZone) }))
    .filter((c) => c.at > now)
    .sort((a, b) => b.n - a.n || a.at.getTime() - b.at.getTime());
  const winner = candidates[0];
  if (!winner) {
    await sendPoll(ctx, { ...request, status: 'closed' });
    return undefined;
  }
  const [slot] = await createSlots(ctx, {
    teamId: request.teamId,
    createdBy: input.userId ?? request.requestedBy,
    title: request.title,
    method: request.method,
    facilitatorId: null,
    date: winner.o.slice(0, 10),
    time: winner.o.slice(11),
    durationMinutes: request.durationMinutes,
    place: request.place,
    capacity: request.capacity,
    recurrence: 'eenmalig',
    occurrences: 1,
    timeZone: request.timeZone,
  });
  await ctx.db.prisma.intervisieRequest.update({ where: { id: request.id }, data: { slotId: slot!.id } });
  await sendPoll(ctx, { ...request, status: 'closed', slotId: slot!.id }, slot);
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
