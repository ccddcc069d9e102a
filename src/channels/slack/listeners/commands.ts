/**
 * Slash commands. `/vraag` asks privately (with "Deel in kanaal"); any other command (e.g. /casus,
 * /twintigogen) reaches the core as the text the user would type in the web chat: features add
 * commands in the manifest, not here. `/wijkwijs` is the channel's settings (see wijkwijs-command.ts).
 */
import { handleTurn } from '../../../assistant/handle-turn.ts';
import { rejectControlCharacters } from '../../../lib/control-characters.ts';
import { channelLink } from '../../../teams/channel-links.ts';
import { toWijkwijsError } from '../../../lib/errors.ts';
import { RATE_LIMITED_TEXT } from '../../shared/guard.ts';
import { EXTERNAL_CHANNEL_TEXT } from '../guard.ts';
import { commandSchema } from '../payloads.ts';
import { deliver, formTarget, isDirect, openForm, renderWithForm, slackPlace, slackUserId, type Register } from '../respond.ts';
import { wijkwijsCommand } from '../wijkwijs-command.ts';

/**
 * With should_escape Slack sends an @-mention as <@U…|name>; in a feature's command (not in a
 * question or a case text, which are not about colleagues) it becomes the colleague's Wijkwijs id.
 */
function mentionsAsIds(command: string, text: string, workspaceId: string): string {
  if (command === '/casus') return text;
  return text.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_all, user: string) => slackUserId(workspaceId, user));
}

export const register: Register = (app, deps) => {
  const { ctx, guard } = deps;
  // Only /vraag needs text; a feature's command alone (e.g. /onboarding) is fine, the feature decides.
  app.command(/^\/(?!wijkwijs$)[a-z-]+$/, async ({ command, ack, client, respond }) => {
    const c = commandSchema.parse(command);
    const isQuestion = c.command === '/vraag';
    if (isQuestion && !c.text.trim()) {
      await ack({ response_type: 'ephemeral', text: 'Typ je vraag achter het commando, bijvoorbeeld: /vraag Hoe lang heb ik om de hulpvraag te verkennen?' });
      return;
    }
    await ack();
    const userId = slackUserId(c.team_id, c.user_id);
    const target = formTarget({ channel: c.channel_id }, c.user_id);
    try {
      const isDm = isDirect(c.channel_id);
      if (!isDm && (await deps.shared.isExternal(client, c.channel_id))) return void (await respond({ response_type: 'ephemeral', text: EXTERNAL_CHANNEL_TEXT }));
      if (!guard.limiter.take(userId)) return void (await respond({ response_type: 'ephemeral', text: RATE_LIMITED_TEXT }));
      const text = isQuestion ? c.text.trim() : `${c.command} ${mentionsAsIds(c.command, c.text.trim(), c.team_id)}`.trim();
      const place = slackPlace(c.team_id, c.channel_id);
      // The answer goes to the user alone (ephemeral in a channel), so it may follow their teams.
      const reply = await guard.gate.run(() => handleTurn(ctx, { channel: 'slack', userId, userName: c.user_name, place, audience: 'private', text }));
      // A command brings a trigger_id, so a form opens at once as a modal.
      if (reply.form && c.trigger_id) await openForm(client, c.trigger_id, reply, { channel: c.channel_id, teamId: (await channelLink(ctx.db, place))?.teamId });
      const message = await renderWithForm(ctx, reply, userId, { share: isQuestion && !isDm });
      // The bot may not be in this channel: then Slack's response_url still reaches the user.
      await deliver(client, target, message).catch(() => respond({ response_type: 'ephemeral', ...message }));
    } catch (error) {
      const e = toWijkwijsError(error);
      if (e.code === 'internal') ctx.logger.error({ err: error }, 'slack command failed');
      await respond({ response_type: 'ephemeral', text: e.userMessage }).catch(() => undefined);
    }
  });

  app.command('/wijkwijs', async ({ command, ack }) => {
    const c = commandSchema.parse(command);
    try {
      rejectControlCharacters(c.text);
      await ack({ response_type: 'ephemeral', text: await wijkwijsCommand(deps, c) });
    } catch (error) {
      const e = toWijkwijsError(error);
      if (e.code === 'internal') ctx.logger.error({ err: error }, 'slack command failed');
      await ack({ response_type: 'ephemeral', text: e.userMessage });
    }
  });
};
