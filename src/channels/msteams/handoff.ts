/**
 * "Vraag een collega" in Teams: the asker's question, as stored (anonymised), goes as a new thread
 * into the team's linked channel (the first one linked), with an "Opgelost" button that closes it.
 */
import type { Activity } from 'botbuilder';
import type { Context } from '../../assistant/context.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { actingTeamOf } from '../../teams/membership.ts';
import { postTo, updateAt, type Poster } from './proactive.ts';
import { ACTION, cardAttachment, type Card } from './render.ts';
import { findConversation, linkedChannels, personalConversation } from './store.ts';

const QUESTION_MAX = 2500;

export async function requestHandoff(ctx: Context, poster: Poster, input: { userId: string; userName?: string; answerId: string }): Promise<string> {
  const { prisma } = ctx.db;
  const answer = await prisma.answer.findUnique({ where: { id: input.answerId }, include: { conversation: { select: { userId: true, teamId: true } } } });
  if (!answer) throw new WijkwijsError('not_found', 'Deze vraag bestaat niet (meer). Stel hem gerust opnieuw.');
  if (answer.conversation.userId !== input.userId) throw new WijkwijsError('forbidden', 'Alleen wie de vraag stelde, kan er een collega bij vragen.');
  const acting = await actingTeamOf(prisma, input.userId, answer.conversation.teamId ?? undefined);
  if (!('teamId' in acting)) {
    throw new WijkwijsError(
      'forbidden',
      acting.problem === 'no_team'
        ? `Je bent nog geen lid van een team in Wijkwijs. Vraag je teambeheerder om je toe te voegen (je id: ${input.userId}).`
        : 'Je bent lid van meerdere teams. Stel je vraag in het kanaal van je team, dan weet ik welke collega’s ik moet vragen.',
    );
  }
  const teamId = acting.teamId;
  const open = await prisma.msteamsHandoff.findFirst({ where: { answerId: answer.id, status: 'open' } });
  if (open) return 'Deze vraag staat al uit bij je collega’s. Je krijgt bericht zodra hij is opgelost.';
  const [target] = await linkedChannels(ctx.db, teamId);
  if (!target) throw new WijkwijsError('not_found', `Team ${teamId} heeft nog geen gekoppeld kanaal in Teams. Vraag een beheerder om in dat kanaal "@Wijkwijs koppel ${teamId}" te typen.`);

  const handoff = await prisma.msteamsHandoff.create({ data: { teamId, answerId: answer.id, askerId: input.userId, conversationId: target.conversationId } });
  const question = answer.question.length > QUESTION_MAX ? `${answer.question.slice(0, QUESTION_MAX)}…` : answer.question;
  const activityId = await postTo(poster, target, handoffActivity(input.userName ?? 'Een collega', question, handoff.id));
  await prisma.msteamsHandoff.update({ where: { id: handoff.id }, data: { activityId: activityId ?? null } });
  ctx.logger.info({ handoffId: handoff.id, teamId, answerId: answer.id }, 'teams hand-off requested');
  return 'Ik heb je vraag zonder persoonsgegevens in het teamkanaal gezet. Je krijgt bericht als een collega hem oplost.';
}

/** Marks it solved; returns the card that replaces the one with the button (undefined if it was already solved). */
export async function resolveHandoff(ctx: Context, poster: Poster, input: { userId: string; userName?: string; handoffId: string }): Promise<Card | undefined> {
  const { prisma } = ctx.db;
  // Two colleagues clicking at once: only the first changes the status.
  const { count } = await prisma.msteamsHandoff.updateMany({ where: { id: input.handoffId, status: 'open' }, data: { status: 'resolved', resolvedBy: input.userId, resolvedAt: new Date() } });
  if (count === 0) return undefined;
  const handoff = await prisma.msteamsHandoff.findUniqueOrThrow({ where: { id: input.handoffId } });
  const answer = handoff.answerId ? await prisma.answer.findUnique({ where: { id: handoff.answerId }, select: { question: true } }) : null;
  const card = resolvedCard(input.userName ?? 'een collega', answer?.question.slice(0, QUESTION_MAX));
  const channel = await findConversation(ctx.db, handoff.conversationId);
  if (channel && handoff.activityId) await updateAt(poster, channel, handoff.activityId, { type: 'message', attachments: [cardAttachment(card)] }).catch(() => undefined);
  const personal = await personalConversation(ctx.db, handoff.askerId);
  if (personal) await postTo(poster, personal, { type: 'message', text: `✅ ${input.userName ?? 'Een collega'} heeft je vraag in het teamkanaal als opgelost gemarkeerd.` });
  ctx.logger.info({ handoffId: handoff.id, teamId: handoff.teamId }, 'teams hand-off resolved');
  return card;
}

function handoffActivity(askerName: string, question: string, handoffId: string): Partial<Activity> {
  const card: Card = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `🙋 ${askerName} zoekt een collega die kan helpen met deze vraag:`, wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: question, wrap: true },
      { type: 'TextBlock', text: 'Persoonsgegevens zijn uit de vraag gehaald. Reageer in deze thread; kies Opgelost als de vraag beantwoord is.', wrap: true, isSubtle: true, size: 'Small' },
    ],
    actions: [{ type: 'Action.Execute', title: '✅ Opgelost', verb: ACTION.handoffResolve, style: 'positive', data: { actionId: ACTION.handoffResolve, value: handoffId } }],
  };
  return { type: 'message', attachments: [cardAttachment(card)] };
}

function resolvedCard(solverName: string, question: string | undefined): Card {
  const body: object[] = [{ type: 'TextBlock', text: `✅ Opgelost door ${solverName}.`, wrap: true, weight: 'Bolder' }];
  if (question) body.push({ type: 'TextBlock', text: question, wrap: true, isSubtle: true });
  return { type: 'AdaptiveCard', version: '1.5', body };
}
