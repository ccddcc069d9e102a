/**
 * "Vraag een collega": the asker's question, as stored (anonymised), goes to the channels of the
 * asker's team through the messenger (Slack calls the team's group there), with an "Opgelost" button.
 */
import { noticeReply, type Reply, type Turn } from '../assistant/reply.ts';
import type { Context } from '../assistant/context.ts';
import { WijkwijsError } from '../lib/errors.ts';
import { teamChannels } from '../teams/channel-links.ts';
import { actingTeamOf } from '../teams/membership.ts';
import { namePeople } from '../people/name-people.ts';
import { HANDOFF_RESOLVE, handoffKey, shortQuestion } from './handoff-message.ts';

export async function requestHandoff(ctx: Context, turn: Turn, answerId: string): Promise<Reply> {
  const { prisma } = ctx.db;
  const answer = await prisma.answer.findUnique({ where: { id: answerId }, include: { conversation: { select: { userId: true, teamId: true } } } });
  if (!answer) throw new WijkwijsError('not_found', 'Deze vraag bestaat niet (meer). Stel hem gerust opnieuw.');
  if (answer.conversation.userId !== turn.userId) throw new WijkwijsError('forbidden', 'Alleen wie de vraag stelde, kan er een collega bij vragen.');

  const acting = await actingTeamOf(prisma, turn.userId, answer.conversation.teamId ?? undefined);
  if (!('teamId' in acting)) {
    throw new WijkwijsError(
      'forbidden',
      acting.problem === 'no_team'
        ? 'Je bent nog geen lid van een team in Wijkwijs. Vraag je teambeheerder om je toe te voegen; met /ik zie je wat die daarvoor nodig heeft.'
        : 'Je bent lid van meerdere teams. Stel je vraag in het kanaal van je team, dan weet ik welke collega’s ik moet vragen.',
    );
  }
  const teamId = acting.teamId;
  if (await prisma.handoff.findFirst({ where: { answerId: answer.id, status: 'open' }, select: { id: true } })) {
    return noticeReply('Deze vraag staat al uit bij je collega’s. Je krijgt bericht zodra hij is opgelost.');
  }
  const linked = [...(await teamChannels(ctx.db, teamId, 'slack')), ...(await teamChannels(ctx.db, teamId, 'msteams'))];
  if (!linked.length) {
    throw new WijkwijsError('not_found', `Team ${teamId} heeft nog geen gekoppeld kanaal in Slack of Teams. Vraag een beheerder van het team om het teamkanaal te koppelen (koppel ${teamId}).`);
  }

  const handoff = await prisma.handoff.create({ data: { teamId, answerId: answer.id, askerId: turn.userId } });
  const names = await namePeople(ctx, [turn.userId]);
  const reply = noticeReply(`🙋 ${names.name(turn.userId)} zoekt een collega die kan helpen met deze vraag:\n\n${shortQuestion(answer.question)}`, {
    people: names.named(),
    notices: ['Persoonsgegevens zijn uit de vraag gehaald. Reageer in de thread; kies Opgelost als de vraag beantwoord is.'],
    actions: [{ id: HANDOFF_RESOLVE, label: 'Opgelost', value: handoff.id, style: 'primary', description: 'Opgelost: deze hulpvraag is beantwoord' }],
    callsTeam: true,
  });
  const sent = await ctx.messenger.send({ to: { teamId }, reply, key: handoffKey(handoff) });
  ctx.logger.info({ handoffId: handoff.id, teamId, answerId: answer.id, channels: sent.channels }, 'hand-off requested');
  return noticeReply(`Ik heb je vraag zonder persoonsgegevens in het kanaal van team ${teamId} gezet. Je krijgt bericht als hij is opgelost.`);
}
