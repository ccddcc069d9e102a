/**
 * "Vraag een collega": the asker's question, as stored (anonymised), goes to the team's hand-off
 * channel with a mention of the team's group and an "Opgelost" button that closes it.
 */
import type { WebClient } from '@slack/web-api';
import type { Context } from '../../assistant/context.ts';
import type { SlackConfig } from '../../lib/config.ts';
import { WijkwijsError } from '../../lib/errors.ts';
import { actingTeamOf } from '../../teams/membership.ts';
import { ACTION, escape } from './render.ts';
import { teamHandoffChannel } from './store.ts';

export async function requestHandoff(
  ctx: Context,
  client: WebClient,
  config: SlackConfig,
  input: { workspaceId: string; slackUser: string; answerId: string },
): Promise<string> {
  const { prisma } = ctx.db;
  const userId = `slack:${input.workspaceId}:${input.slackUser}`;
  const answer = await prisma.answer.findUnique({ where: { id: input.answerId }, include: { conversation: { select: { userId: true, teamId: true } } } });
  if (!answer) throw new WijkwijsError('not_found', 'Deze vraag bestaat niet (meer). Stel hem gerust opnieuw.');
  if (answer.conversation.userId !== userId) throw new WijkwijsError('forbidden', 'Alleen wie de vraag stelde, kan er een collega bij vragen.');

  const acting = await actingTeamOf(prisma, userId, answer.conversation.teamId ?? undefined);
  if (!('teamId' in acting)) {
    throw new WijkwijsError(
      'forbidden',
      acting.problem === 'no_team'
        ? 'Je bent nog geen lid van een team in Wijkwijs. Vraag je teambeheerder om je toe te voegen (/wijkwijs lid @jij).'
        : 'Je bent lid van meerdere teams. Stel je vraag in het kanaal van je team, dan weet ik welke collega’s ik moet vragen.',
    );
  }
  const teamId = acting.teamId;
  const open = await prisma.slackHandoff.findFirst({ where: { answerId: answer.id, status: 'open' } });
  if (open) return 'Deze vraag staat al uit bij je collega’s. Je krijgt bericht zodra hij is opgelost.';

  const target = await teamHandoffChannel(prisma, teamId);
  if (!target) {
    throw new WijkwijsError('not_found', `Team ${teamId} heeft nog geen teamkanaal in Slack. Vraag een beheerder om in dat kanaal /wijkwijs koppel ${teamId} te typen.`);
  }
  const channel = target.key.split(':')[1]!;
  const group = target.settings.handoffGroup ?? config.handoffGroup;
  const handoff = await prisma.slackHandoff.create({ data: { teamId, answerId: answer.id, askerId: userId, channelKey: target.key } });
  const question = answer.question.length > 2500 ? `${answer.question.slice(0, 2500)}…` : answer.question;
  const text = `${group ? `<!subteam^${group}> ` : ''}<@${input.slackUser}> zoekt een collega die kan helpen met deze vraag:`;
  const posted = await client.chat.postMessage({
    channel,
    text: `${text} ${question}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `🙋 ${text}\n>${escape(question).replace(/\n/g, '\n>')}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Persoonsgegevens zijn uit de vraag gehaald. Reageer in deze thread; kies Opgelost als de vraag beantwoord is.' }] },
      { type: 'actions', elements: [{ type: 'button', action_id: ACTION.handoffResolve, text: { type: 'plain_text', text: '✅ Opgelost' }, style: 'primary', value: handoff.id }] },
    ],
  });
  await prisma.slackHandoff.update({ where: { id: handoff.id }, data: { messageTs: posted.ts ?? null } });
  ctx.logger.info({ handoffId: handoff.id, teamId, answerId: answer.id }, 'slack hand-off requested');
  return `Ik heb je vraag zonder persoonsgegevens in <#${channel}> gezet${group ? ' en de collega’s van je team erbij gehaald' : ''}. Je krijgt bericht als hij is opgelost.`;
}

export async function resolveHandoff(ctx: Context, client: WebClient, input: { workspaceId: string; slackUser: string; handoffId: string }): Promise<void> {
  const { prisma } = ctx.db;
  const resolvedBy = `slack:${input.workspaceId}:${input.slackUser}`;
  // Two colleagues clicking at once: only the first changes the status.
  const { count } = await prisma.slackHandoff.updateMany({ where: { id: input.handoffId, status: 'open' }, data: { status: 'resolved', resolvedBy, resolvedAt: new Date() } });
  if (count === 0) return;
  const handoff = await prisma.slackHandoff.findUniqueOrThrow({ where: { id: input.handoffId } });
  const [workspaceId, channel] = handoff.channelKey.split(':') as [string, string];
  const askerSlackId = handoff.askerId.split(':')[2];
  if (handoff.messageTs) {
    // The question stays visible above the thread; only the button gives way to who solved it.
    const answer = handoff.answerId ? await prisma.answer.findUnique({ where: { id: handoff.answerId }, select: { question: true } }) : null;
    const text = `✅ Opgelost door <@${input.slackUser}>.`;
    const quote = answer ? `\n>${escape(answer.question.slice(0, 2500)).replace(/\n/g, '\n>')}` : '';
    await client.chat.update({ channel, ts: handoff.messageTs, text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${text}${quote}` } }] });
  }
  if (askerSlackId && handoff.askerId.startsWith(`slack:${workspaceId}:`)) {
    await client.chat.postMessage({ channel: askerSlackId, text: `✅ <@${input.slackUser}> heeft je vraag in <#${channel}> als opgelost gemarkeerd.` });
  }
  ctx.logger.info({ handoffId: handoff.id, teamId: handoff.teamId }, 'slack hand-off resolved');
}
