/**
 * Questions in messages: @mentions, DMs, follow-ups in a thread Wijkwijs answers in, and in a channel
 * set to "alles" any message that ends in a question mark. Answered in the thread, with a status meanwhile.
 */
import type { WebClient } from '@slack/web-api';
import { handleTurn } from '../../../assistant/handle-turn.ts';
import type { Reply, Turn } from '../../../assistant/reply.ts';
import { isAnsweredThread } from '../../../assistant/threads.ts';
import { toWijkwijsError } from '../../../lib/errors.ts';
import { channelLink } from '../../../teams/channel-links.ts';
import { ANSWER_FAILED_TEXT, RATE_LIMITED_TEXT, yieldToIo } from '../../shared/guard.ts';
import { EXTERNAL_CHANNEL_TEXT } from '../guard.ts';
import { envelopeSchema, messageEventSchema, type MessageEvent } from '../payloads.ts';
import { SlackAnswerView } from '../answer-view.ts';
import { renderNotice } from '../render.ts';
import { deliver, deliverError, renderWithForm, slackPlace, slackThread, slackUserId, type Register, type SlackDeps, type Target } from '../respond.ts';
import { releaseEvent } from '../store.ts';

export const register: Register = (app, deps) => {
  const { ctx } = deps;
  app.event('app_mention', async ({ event, body, client, context }) => {
    const parsed = messageEventSchema.safeParse(event);
    if (!parsed.success || !isFromPerson(parsed.data)) return;
    const e = parsed.data;
    await answer(deps, client, body, e, stripMention(e.text, context.botUserId), { thread: e.thread_ts ?? e.ts });
  });

  app.message(async ({ message, body, client, context }) => {
    const parsed = messageEventSchema.safeParse(message);
    if (!parsed.success || !isFromPerson(parsed.data)) return;
    const e = parsed.data;
    // A DM's main line is one conversation; a thread inside the DM is its own.
    if (e.channel_type === 'im') return answer(deps, client, body, e, e.text, { thread: e.thread_ts ?? '', replyTs: e.thread_ts });
    // A mention arrives as app_mention too; answering it here as well would answer twice.
    if (context.botUserId && e.text.includes(`<@${context.botUserId}>`)) return;
    const workspaceId = envelopeSchema.parse(body).team_id;
    if (e.thread_ts && (await isAnsweredThread(ctx.db.prisma, slackThread(workspaceId, e.channel, e.thread_ts)))) {
      return answer(deps, client, body, e, e.text, { thread: e.thread_ts });
    }
    const link = await channelLink(ctx.db, slackPlace(workspaceId, e.channel));
    if (!e.thread_ts && link?.settings.mode === 'all' && looksLikeQuestion(e.text)) await answer(deps, client, body, e, e.text, { thread: e.ts });
  });
};

/**
 * The common path of every question: guard, acknowledge, answer, deliver. `at.thread` names the
 * conversation (the thread's root, '' for a DM's main line); the answer goes to the thread `replyTs`,
 * by default that root. A thread of the DM is Slack's assistant surface: there the assistant status
 * shows what happens, elsewhere a 👀 reaction and, for a slow answer, a status message.
 */
async function answer(deps: SlackDeps, client: WebClient, body: unknown, e: MessageEvent, text: string, at: { thread: string; replyTs?: string }): Promise<void> {
  const { ctx, guard } = deps;
  const started = Date.now();
  const envelope = envelopeSchema.parse(body);
  const workspaceId = envelope.team_id;
  const userId = slackUserId(workspaceId, e.user!);
  const isDm = e.channel_type === 'im';
  const target: Target = { channel: e.channel, threadTs: 'replyTs' in at ? at.replyTs : at.thread };
  const privateTo = { ...target, ephemeralUser: e.user! };
  try {
    const external = isDm ? Boolean(e.user_team && e.user_team !== workspaceId) : await deps.shared.isExternal(client, e.channel, envelope.is_ext_shared_channel);
    if (external) return void (await deliver(client, privateTo, renderNotice(EXTERNAL_CHANNEL_TEXT)));
    if (!guard.limiter.take(userId)) return void (await deliver(client, privateTo, renderNotice(RATE_LIMITED_TEXT)));

    const assistantThread = isDm && Boolean(target.threadTs);
    const view = new SlackAnswerView(client, { ...target, assistantThread, recipient: { userId: e.user!, teamId: workspaceId }, statusAfterMs: deps.statusAfterMs }, ctx.logger);
    // Seen at once: the status or reaction goes out while the answer is being made.
    view.begin();
    const seen = assistantThread ? undefined : client.reactions.add({ channel: e.channel, timestamp: e.ts, name: 'eyes' }).catch(() => undefined);
    // Everyone in a channel (or group DM) reads the answer in its thread; a DM only the asker.
    const turn: Turn = {
      channel: 'slack',
      userId,
      place: isDm ? undefined : slackPlace(workspaceId, e.channel),
      thread: slackThread(workspaceId, e.channel, at.thread),
      audience: isDm ? 'private' : 'shared',
      text,
    };
    await yieldToIo();
    const reply = await answerInView(deps, view, guard.gate.run(() => handleTurn(ctx, turn, view.progress)), userId);
    await seen;
    if (seen) void client.reactions.remove({ channel: e.channel, timestamp: e.ts, name: 'eyes' }).catch(() => undefined);
    if (!reply) return void (await releaseEvent(ctx.db, envelope.event_id));
    ctx.logger.info({ channel: 'slack', answerId: reply.answerId, mode: reply.mode, durationMs: Date.now() - started }, 'slack question answered');
  } catch (error) {
    await deliverError(ctx, client, privateTo, error);
    if (toWijkwijsError(error).code === 'internal') await releaseEvent(ctx.db, envelope.event_id);
  }
}

/**
 * Waits for the answer and shows it in the view. When answering fails after a status message or a
 * stream went out, that message becomes the apology and undefined is returned; otherwise the error
 * goes on to the caller, which apologises privately.
 */
async function answerInView(deps: SlackDeps, view: SlackAnswerView, pending: Promise<Reply>, userId: string): Promise<Reply | undefined> {
  let reply: Reply;
  try {
    reply = await pending;
  } catch (error) {
    const e = toWijkwijsError(error);
    if (await view.fail(e.code === 'internal' ? ANSWER_FAILED_TEXT : e.userMessage)) {
      if (e.code === 'internal') deps.ctx.logger.error({ err: error }, 'slack answer failed');
      return undefined;
    }
    throw error;
  }
  await view.finish(reply, await renderWithForm(deps.ctx, reply, userId));
  return reply;
}

/** Only people: no bots (ours or others'), no edits, joins or other message subtypes. */
function isFromPerson(e: MessageEvent): boolean {
  return !e.bot_id && !e.subtype && Boolean(e.user);
}

function stripMention(text: string, botUserId: string | undefined): string {
  const withoutBot = botUserId ? text.replaceAll(`<@${botUserId}>`, ' ') : text.replace(/^\s*<@[A-Z0-9]+>/, ' ');
  return withoutBot.replace(/\s+/g, ' ').trim();
}

function looksLikeQuestion(text: string): boolean {
  return /\?\s*$/.test(text.trim()) && text.trim().length >= 8;
}
