/**
 * "Vraag Wijkwijs hierover", the message shortcut: the core anonymises the message and asks about
 * what is left; the answer goes to the user alone (ephemeral in a channel, in their DM with
 * Wijkwijs, or through the shortcut's response_url when the bot may not post there).
 */
import { askAboutMessage } from '../../../assistant/ask-about-message.ts';
import { toWijkwijsError } from '../../../lib/errors.ts';
import { RATE_LIMITED_TEXT } from '../../shared/guard.ts';
import { EXTERNAL_CHANNEL_TEXT } from '../guard.ts';
import { messageShortcutSchema } from '../payloads.ts';
import { renderNotice } from '../render.ts';
import { deliver, formTarget, isDirect, renderWithForm, slackPlace, slackUserId, type Register } from '../respond.ts';

export const ASK_ABOUT_MESSAGE = 'wijkwijs.ask_about_message';

export const register: Register = (app, deps) => {
  const { ctx, guard } = deps;
  app.shortcut({ callback_id: ASK_ABOUT_MESSAGE, type: 'message_action' }, async ({ ack, body, client, respond }) => {
    await ack();
    const parsed = messageShortcutSchema.safeParse(body);
    if (!parsed.success) return;
    const s = parsed.data;
    const workspaceId = s.team?.id ?? s.user.team_id ?? '';
    const userId = slackUserId(workspaceId, s.user.id);
    const target = formTarget({ channel: s.channel.id, threadTs: s.message.thread_ts ?? (isDirect(s.channel.id) ? undefined : s.message.ts) }, s.user.id);
    const answer = async (message: { text: string; blocks?: unknown[] }) => deliver(client, target, message as never).catch(() => respond({ response_type: 'ephemeral', ...message }));
    try {
      if (!isDirect(s.channel.id) && (await deps.shared.isExternal(client, s.channel.id))) return void (await answer(renderNotice(EXTERNAL_CHANNEL_TEXT)));
      if (!guard.limiter.take(userId)) return void (await answer(renderNotice(RATE_LIMITED_TEXT)));
      const reply = await guard.gate.run(() => askAboutMessage(ctx, { channel: 'slack', userId, userName: s.user.name, place: slackPlace(workspaceId, s.channel.id) }, plainText(s.message.text)));
      await answer(await renderWithForm(ctx, reply, userId));
      ctx.logger.info({ channel: 'slack', answerId: reply.answerId, mode: reply.mode }, 'slack message asked about');
    } catch (error) {
      const e = toWijkwijsError(error);
      if (e.code === 'internal') ctx.logger.error({ err: error }, 'slack shortcut failed');
      await answer(renderNotice(e.userMessage)).catch(() => undefined);
    }
  });
};

/** Slack's markup out: mentions, channel and group names and links become their visible words. */
function plainText(mrkdwn: string): string {
  return mrkdwn
    .replace(/<[@#!][^>|]*\|([^>]*)>/g, '$1')
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/<([^>|]+)\|([^>]*)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
