/**
 * Questions in messages: @mentions, DMs, follow-ups in a thread Wijkwijs answers in, and in a channel
 * set to "alles" any message that ends in a question mark. Acknowledged with 👀, answered in the thread.
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
import { renderNotice, renderWorking } from '../render.ts';
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
 * by default that root.
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

    // Seen at once: the reaction goes out while the answer is being made.
    const seen = client.reactions.add({ channel: e.channel, timestamp: e.ts, name: 'eyes' }).catch(() => undefined);
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
    const reply = await withStatus(deps, client, target, guard.gate.run(() => handleTurn(ctx, turn)), userId);
    await seen;
    void client.reactions.remove({ channel: e.channel, timestamp: e.ts, name: 'eyes' }).catch(() => undefined);
    if (!reply) return void (await releaseEvent(ctx.db, envelope.event_id));
    ctx.logger.info({ channel: 'slack', answerId: reply.answerId, mode: reply.mode, durationMs: Date.now() - started }, 'slack question answered');
  } catch (error) {
    await deliverError(ctx, client, privateTo, error);
    if (toWijkwijsError(error).code === 'internal') await releaseEvent(ctx.db, envelope.event_id);
  }
}

/**
 * Posts the answer; when it is not ready within `statusAfterMs`, a short status goes first and is
 * replaced in place by the answer (chat.update), so nobody stares at silence. When answering fails
 * after the status went out, the status becomes the apology and undefined is returned.
 */
async function withStatus(deps: SlackDeps, client: WebClient, target: Target, pending: Promise<Reply>, userId: string): Promise<Reply | undefined> {
  const { ctx, statusAfterMs } = deps;
  pending.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), statusAfterMs)));
  // 0 means always; a race against a zero timer is lost to an in-process database that never yields.
  const first = statusAfterMs <= 0 ? 'late' : await Promise.race([pending, late]);
  clearTimeout(timer);
  let statusTs: string | undefined;
  if (first === 'late') {
    const posted = await client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...renderWorking() });
    statusTs = posted.ts;
  }
  let reply: Reply;
  try {
    reply = await pending;
  } catch (error) {
    if (!statusTs) throw error;
    const e = toWijkwijsError(error);
    if (e.code === 'internal') ctx.logger.error({ err: error }, 'slack answer failed');
    await client.chat.update({ channel: target.channel, ts: statusTs, ...renderNotice(e.code === 'internal' ? ANSWER_FAILED_TEXT : e.userMessage) });
    return undefined;
  }
  const message = await renderWithForm(ctx, reply, userId);
  if (statusTs) await client.chat.update({ channel: target.channel, ts: statusTs, ...message });
  else await client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...message });
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
