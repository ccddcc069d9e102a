import { notice } from '../../assistant/feature-kit.ts';
import type { Reply, Turn } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { getTeamRhythm } from '../rhythm/get-team-rhythm.ts';
import { closePoll } from './close-poll.ts';
import { sendPoll } from './open-poll.ts';
import { requireFacilitator, requireMember } from './team-access.ts';

async function openPollOf(ctx: Context, turn: Turn, pollId: string) {
  const poll = await ctx.db.prisma.consultationPoll.findUnique({ where: { id: pollId } });
  if (!poll) throw new WijkwijsError('not_found', 'Deze peiling bestaat niet (meer).');
  await requireMember(ctx.db.prisma, turn.userId, poll.teamId);
  if (poll.status !== 'open') throw new WijkwijsError('bad_request', 'Deze peiling is al gesloten.');
  return poll;
}

/** Value "<pollId>:<option index>"; voting again changes the vote. */
export async function votePoll(ctx: Context, turn: Turn, value: string | undefined): Promise<Reply> {
  const [pollId = '', index = ''] = (value ?? '').split(':');
  const poll = await openPollOf(ctx, turn, pollId);
  const choice = Number(index);
  if (!Number.isInteger(choice) || choice < 0 || choice >= poll.options.length) throw new WijkwijsError('bad_request', 'Dit moment hoort niet bij de peiling.');
  await ctx.db.prisma.consultationPoll.update({ where: { id: poll.id }, data: { votes: { ...(poll.votes as Record<string, number>), [turn.userId]: choice } } });
  await sendPoll(ctx, poll.id);
  return notice(turn, 'Je stem is genoteerd. Je kunt nog wisselen tot de peiling sluit.');
}

/** A facilitator closes the poll now instead of waiting for its deadline. */
export async function closePollNow(ctx: Context, turn: Turn, pollId: string | undefined): Promise<Reply> {
  const poll = await openPollOf(ctx, turn, pollId ?? '');
  await requireFacilitator(ctx.db.prisma, turn.userId, poll.teamId, await getTeamRhythm(ctx.db.prisma, poll.teamId));
  const { meetingId } = await closePoll(ctx, poll.id);
  return notice(turn, meetingId ? 'De peiling is gesloten en de extra casusbespreking is gepland.' : 'De peiling is gesloten.');
}
