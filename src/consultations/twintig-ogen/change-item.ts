/**
 * What people do with an agenda item: think along (any member), withdraw or move it (the
 * requester), approve or reorder it (a facilitator or lead). Each change updates the item's
 * announcement in place.
 */
import { notice } from '../../assistant/feature-kit.ts';
import type { Reply, Turn } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { cancelJobs } from '../../jobs/schedule-job.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { getTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { announceItem } from './announce-item.ts';
import { refreshPostedAgenda } from './post-agenda.ts';
import { closePoll } from './close-poll.ts';
import { placeRequest } from './place-request.ts';
import { placementReply } from './request-turns.ts';
import { requireFacilitator, requireMember } from './team-access.ts';
import { ON_AGENDA, renumberAgenda } from './upcoming-meetings.ts';

const GONE = 'Deze casus staat niet (meer) op de agenda.';

async function loadItem(ctx: Context, turn: Turn, requestId: string | undefined) {
  const item = requestId ? await ctx.db.prisma.consultationRequest.findUnique({ where: { id: requestId }, include: { meeting: true } }) : null;
  if (!item || item.status === 'draft') throw new WijkwijsError('not_found', GONE);
  await requireMember(ctx.db.prisma, turn.userId, item.teamId);
  return item;
}

function requireOpen(status: string): void {
  if (!ON_AGENDA.includes(status) && status !== 'requested') throw new WijkwijsError('bad_request', GONE);
}

export async function rsvpItem(ctx: Context, turn: Turn, requestId: string | undefined): Promise<Reply> {
  const item = await loadItem(ctx, turn, requestId);
  requireOpen(item.status);
  const joining = !item.rsvps.includes(turn.userId);
  const rsvps = joining ? [...item.rsvps, turn.userId] : item.rsvps.filter((u) => u !== turn.userId);
  await ctx.db.prisma.consultationRequest.update({ where: { id: item.id }, data: { rsvps } });
  await announceItem(ctx, item.id);
  return notice(turn, joining ? 'Genoteerd: je denkt mee. Klik nog eens om je af te melden.' : 'Je bent afgemeld voor deze casus.');
}

export async function withdrawItem(ctx: Context, turn: Turn, requestId: string | undefined): Promise<Reply> {
  const item = await loadItem(ctx, turn, requestId);
  if (item.requesterId !== turn.userId) throw new WijkwijsError('forbidden', 'Alleen wie de casus inbracht kan hem intrekken.');
  requireOpen(item.status);
  await ctx.db.prisma.consultationRequest.update({ where: { id: item.id }, data: { status: 'withdrawn' } });
  if (item.meetingId) {
    for (const id of await renumberAgenda(ctx, item.meetingId)) await announceItem(ctx, id);
    await refreshPostedAgenda(ctx, item.meetingId);
  }
  await announceItem(ctx, item.id);
  // An open poll for an extra session has nothing left to plan.
  const polls = await ctx.db.prisma.consultationPoll.findMany({ where: { requestId: item.id, status: 'open' }, select: { id: true } });
  for (const poll of polls) await closePoll(ctx, poll.id);
  ctx.logger.info({ requestId: item.id }, 'twintig-ogen case withdrawn');
  return notice(turn, 'Je casus is van de agenda gehaald. Het team ziet dat het agendapunt vervalt.');
}

export async function moveItem(ctx: Context, turn: Turn, requestId: string | undefined): Promise<Reply> {
  const item = await loadItem(ctx, turn, requestId);
  if (item.requesterId !== turn.userId) throw new WijkwijsError('forbidden', 'Alleen wie de casus inbracht kan hem verplaatsen.');
  if (!ON_AGENDA.includes(item.status) || !item.meeting) throw new WijkwijsError('bad_request', GONE);
  const from = item.meeting;
  const placement = await placeRequest(ctx, item.id, { after: from.startsAt });
  for (const id of await renumberAgenda(ctx, from.id)) await announceItem(ctx, id);
  await refreshPostedAgenda(ctx, from.id);
  ctx.logger.info({ requestId: item.id, placement: placement.kind }, 'twintig-ogen case moved');
  return placementReply(turn, item.id, placement, item.latestDate);
}

export async function approveItem(ctx: Context, turn: Turn, requestId: string | undefined): Promise<Reply> {
  const item = await loadItem(ctx, turn, requestId);
  await requireFacilitator(ctx.db.prisma, turn.userId, item.teamId, await getTeamRhythm(ctx.db.prisma, item.teamId));
  if (!ON_AGENDA.includes(item.status)) throw new WijkwijsError('bad_request', GONE);
  await ctx.db.prisma.consultationRequest.update({ where: { id: item.id }, data: { status: 'approved' } });
  await announceItem(ctx, item.id);
  return notice(turn, 'Goedgekeurd: de casus blijft op de agenda.');
}

export async function reorderItem(ctx: Context, turn: Turn, requestId: string | undefined, direction: -1 | 1): Promise<Reply> {
  const item = await loadItem(ctx, turn, requestId);
  await requireFacilitator(ctx.db.prisma, turn.userId, item.teamId, await getTeamRhythm(ctx.db.prisma, item.teamId));
  if (!ON_AGENDA.includes(item.status) || !item.meetingId) throw new WijkwijsError('bad_request', GONE);
  await renumberAgenda(ctx, item.meetingId);
  const agenda = await ctx.db.prisma.consultationRequest.findMany({ where: { meetingId: item.meetingId, status: { in: ON_AGENDA } }, orderBy: { position: 'asc' } });
  const index = agenda.findIndex((a) => a.id === item.id);
  const other = agenda[index + direction];
  if (!other) return notice(turn, direction < 0 ? 'Deze casus staat al bovenaan.' : 'Deze casus staat al onderaan.');
  const mine = agenda[index]!;
  await ctx.db.prisma.$transaction([
    ctx.db.prisma.consultationRequest.update({ where: { id: mine.id }, data: { position: other.position } }),
    ctx.db.prisma.consultationRequest.update({ where: { id: other.id }, data: { position: mine.position } }),
  ]);
  await announceItem(ctx, mine.id);
  await announceItem(ctx, other.id);
  await refreshPostedAgenda(ctx, item.meetingId);
  return notice(turn, `De casus is nu punt ${other.position} van de agenda.`);
}

/** The meeting's jobs are left alone when its agenda empties: the agenda job then posts nothing. */
export async function cancelMeetingJobs(ctx: Context, meetingId: string): Promise<void> {
  await cancelJobs(ctx.db, `twintig.agenda:${meetingId}`);
  await cancelJobs(ctx.db, `twintig.outcome:${meetingId}`);
}
