/**
 * The Slack channel: Bolt listeners that turn Slack events, commands, clicks and modal submits into
 * core Turns and render the Replies in Block Kit. HTTP mode mounts on the web server's express app
 * at /slack/events; Socket Mode connects out with the app token. Everything else is in the core.
 */
import { App, ExpressReceiver } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import express from 'express';
import { handleMemberJoined, handleTurn } from '../../assistant/handle-turn.ts';
import type { Reply, Turn } from '../../assistant/reply.ts';
import { shareAnswer } from '../../assistant/share-answer.ts';
import { showPassage } from '../../assistant/show-passage.ts';
import type { Context } from '../../assistant/context.ts';
import type { SlackConfig } from '../../lib/config.ts';
import { rejectControlCharacters } from '../../lib/control-characters.ts';
import { toWijkwijsError, WijkwijsError } from '../../lib/errors.ts';
import { isMember } from '../../teams/membership.ts';
import { wijkwijsCommand } from './commands.ts';
import { createSlackDelivery } from './create-slack-delivery.ts';
import { ANSWER_FAILED_TEXT, AnswerGate, boltLogger, EXTERNAL_CHANNEL_TEXT, RATE_LIMITED_TEXT, RateLimiter, SharedChannels } from './guard.ts';
import { requestHandoff, resolveHandoff } from './handoff.ts';
import { homeView } from './home.ts';
import {
  blockActionSchema,
  commandSchema,
  envelopeSchema,
  feedbackMetadataSchema,
  formMetadataSchema,
  memberJoinedSchema,
  messageEventSchema,
  replyActionValueSchema,
  viewPayloadSchema,
  viewValues,
  type BlockAction,
  type MessageEvent,
} from './payloads.ts';
import { ACTION, feedbackModal, formFields, formModal, passageModal, renderNotice, renderReply, renderWorking, VIEW, type SlackMessage } from './render.ts';
import { channelKey, channelLink, claimEvent, dropForms, isAnsweredThread, loadForm, releaseEvent, rememberThread, saveForm, teamOwner, threadConversation } from './store.ts';

export interface SlackOptions {
  /** A status message is posted (and later replaced) only when the answer takes longer than this. */
  statusAfterMs?: number;
  /** Questions per user per minute. */
  questionsPerMinute?: number;
  /** Answers made at the same time (default: by database and model, see AnswerGate). */
  concurrentAnswers?: number;
}

export interface SlackChannel {
  app: App;
  /** The express router serving /slack/events in HTTP mode. */
  router?: express.Router;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Where a message goes: a channel (and thread), and for a private reply the one user who sees it. */
interface Target {
  channel: string;
  threadTs?: string;
  ephemeralUser?: string;
}

export const slackUserId = (workspaceId: string, userId: string) => `slack:${workspaceId}:${userId}`;

export function createSlackChannel(ctx: Context, config: SlackConfig, options: SlackOptions = {}): SlackChannel {
  const logger = boltLogger(ctx.logger);
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  let receiver: ExpressReceiver | undefined;
  let app: App;
  if (config.mode === 'socket') {
    // The socket client makes its own Web API call (apps.connections.open); it reads the base URL
    // from installerOptions, not from clientOptions.
    app = new App({ token: config.botToken, appToken: config.appToken, socketMode: true, logger, clientOptions, installerOptions: { clientOptions } });
  } else {
    // Our own router, so the web server mounts it; Bolt verifies the v0 signature (5-minute window)
    // on the raw body and answers 401 before any listener runs.
    receiver = new ExpressReceiver({ signingSecret: config.signingSecret!, endpoints: '/slack/events', router: express.Router(), logger });
    app = new App({ token: config.botToken, receiver, logger, clientOptions });
  }
  registerListeners(ctx, app, config, options);
  let unregister: (() => void) | undefined;
  return {
    app,
    router: receiver?.router as express.Router | undefined,
    start: async () => {
      if (config.mode === 'socket') await app.start();
      // From now on the assistant's own messages (announcements, DMs) also go out in Slack.
      unregister ??= ctx.messenger.register(createSlackDelivery(ctx.db.prisma, app.client));
    },
    stop: async () => {
      unregister?.();
      unregister = undefined;
      if (config.mode === 'socket') await app.stop();
    },
  };
}

function registerListeners(ctx: Context, app: App, config: SlackConfig, options: SlackOptions): void {
  const { prisma } = ctx.db;
  const limiter = new RateLimiter(options.questionsPerMinute ?? 10, 60_000);
  const shared = new SharedChannels();
  const statusAfterMs = options.statusAfterMs ?? 1000;
  // A model answer waits on the network, so many can be made at once; offline answers on the
  // embedded database are pure CPU in this process and go best one after another.
  const gate = new AnswerGate(options.concurrentAnswers ?? (ctx.chatModel ? 16 : ctx.db.kind === 'pglite' ? 1 : 4));
  const answerTurn = (turn: Turn) => gate.run(() => handleTurn(ctx, turn));

  // Slack retries an event it believes we missed (X-Slack-Retry-Num); the event id makes it run once.
  app.use(async ({ body, next }) => {
    await yieldToIo();
    const envelope = envelopeSchema.safeParse(body);
    if (envelope.success && envelope.data.event_id && !(await claimEvent(ctx.db, envelope.data.event_id))) {
      ctx.logger.info({ eventId: envelope.data.event_id }, 'slack event already handled');
      return;
    }
    await next();
  });

  app.event('app_mention', async ({ event, body, client, context }) => {
    const parsed = messageEventSchema.safeParse(event);
    if (!parsed.success || !isFromPerson(parsed.data)) return;
    const e = parsed.data;
    const text = stripMention(e.text, context.botUserId);
    await answer(client, body, e, text, { channel: e.channel, threadTs: e.thread_ts ?? e.ts }, e.thread_ts ?? e.ts);
  });

  app.message(async ({ message, body, client, context }) => {
    const parsed = messageEventSchema.safeParse(message);
    if (!parsed.success || !isFromPerson(parsed.data)) return;
    const e = parsed.data;
    if (e.channel_type === 'im') {
      // A DM's main line is one conversation; a thread inside the DM is its own.
      await answer(client, body, e, e.text, { channel: e.channel, threadTs: e.thread_ts }, e.thread_ts ?? '');
      return;
    }
    // A mention arrives as app_mention too; answering it here as well would answer twice.
    if (context.botUserId && e.text.includes(`<@${context.botUserId}>`)) return;
    const key = channelKey(envelopeSchema.parse(body).team_id, e.channel);
    if (e.thread_ts && (await isAnsweredThread(prisma, key, e.thread_ts))) {
      await answer(client, body, e, e.text, { channel: e.channel, threadTs: e.thread_ts }, e.thread_ts);
      return;
    }
    const link = await channelLink(ctx.db, key);
    if (!e.thread_ts && link?.settings.mode === 'all' && looksLikeQuestion(e.text)) {
      await answer(client, body, e, e.text, { channel: e.channel, threadTs: e.ts }, e.ts);
    }
  });

  /** The common path of every question: guard, acknowledge, answer, deliver, remember the thread. */
  async function answer(client: WebClient, body: unknown, e: MessageEvent, text: string, target: Target, threadKey: string): Promise<void> {
    const started = Date.now();
    const envelope = envelopeSchema.parse(body);
    const workspaceId = envelope.team_id;
    const userId = slackUserId(workspaceId, e.user!);
    const key = channelKey(workspaceId, e.channel);
    const privateTo = { channel: e.channel, threadTs: target.threadTs, ephemeralUser: e.user! };
    try {
      const external = e.channel_type === 'im' ? Boolean(e.user_team && e.user_team !== workspaceId) : await shared.isExternal(client, e.channel, envelope.is_ext_shared_channel);
      if (external) return void (await deliver(client, privateTo, renderNotice(EXTERNAL_CHANNEL_TEXT)));
      if (!limiter.take(userId)) return void (await deliver(client, privateTo, renderNotice(RATE_LIMITED_TEXT)));

      // Seen at once: the reaction goes out while the answer is being made.
      const seen = client.reactions.add({ channel: e.channel, timestamp: e.ts, name: 'eyes' }).catch(() => undefined);
      const isDm = e.channel_type === 'im';
      const link = isDm ? undefined : await channelLink(ctx.db, key);
      const threadRef = { channelKey: key, threadTs: threadKey, userId };
      // A thread that starts at this very message has no conversation yet: no need to look.
      const conversationId = threadKey === e.ts ? undefined : await threadConversation(ctx.db, threadRef);
      // Everyone in a channel (or group DM) reads the answer in its thread; a DM only the asker.
      const turn: Turn = { channel: 'slack', userId, teamId: link?.teamId, audience: isDm ? 'private' : 'shared', conversationId, text };
      await yieldToIo();
      const reply = await withStatus(client, target, answerTurn(turn), statusAfterMs, userId);
      await seen;
      void client.reactions.remove({ channel: e.channel, timestamp: e.ts, name: 'eyes' }).catch(() => undefined);
      if (!reply) return void (await releaseEvent(ctx.db, envelope.event_id));
      await rememberThread(ctx.db, threadRef, reply.conversationId);
      ctx.logger.info({ channel: 'slack', answerId: reply.answerId, mode: reply.mode, durationMs: Date.now() - started }, 'slack question answered');
    } catch (error) {
      await deliverError(client, privateTo, error);
      if (toWijkwijsError(error).code === 'internal') await releaseEvent(ctx.db, envelope.event_id);
    }
  }

  /**
   * Posts the answer; when it is not ready within `afterMs`, a short status goes first and is
   * replaced in place by the answer (chat.update), so nobody stares at silence. When answering fails
   * after the status went out, the status becomes the apology and undefined is returned.
   */
  async function withStatus(client: WebClient, target: Target, pending: Promise<Reply>, afterMs: number, userId: string): Promise<Reply | undefined> {
    pending.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), afterMs)));
    // 0 means always; a race against a zero timer is lost to an in-process database that never yields.
    const first = afterMs <= 0 ? 'late' : await Promise.race([pending, late]);
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
    const message = await renderWithForm(reply, userId, { handoff: true });
    if (statusTs) await client.chat.update({ channel: target.channel, ts: statusTs, ...message });
    else await client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...message });
    return reply;
  }

  /**
   * A Reply's form is kept for its user until they click to open it (a modal needs that click); the
   * owner is `team:<id>` for a message the whole team channel sees.
   */
  async function renderWithForm(reply: Reply, owner: string, opts: { handoff?: boolean; share?: boolean }): Promise<SlackMessage> {
    const formId = reply.form ? await saveForm(prisma, owner, reply.form) : undefined;
    return renderReply(reply, { ...opts, formId });
  }

  /** The Wijkwijs team of a linked channel; a DM belongs to no team. */
  async function linkedTeam(workspaceId: string, channel: string): Promise<string | undefined> {
    if (!channel || channel.startsWith('D')) return undefined;
    return (await channelLink(ctx.db, channelKey(workspaceId, channel)))?.teamId;
  }

  async function deliver(client: WebClient, target: Target, message: SlackMessage): Promise<void> {
    if (target.ephemeralUser) {
      await client.chat.postEphemeral({ channel: target.channel, user: target.ephemeralUser, thread_ts: target.threadTs, ...message });
    } else {
      await client.chat.postMessage({ channel: target.channel, thread_ts: target.threadTs, ...message });
    }
  }

  /** A WijkwijsError carries its Dutch message; anything else is logged (ids only) and apologised for. */
  async function deliverError(client: WebClient, target: Target, error: unknown): Promise<void> {
    const e = toWijkwijsError(error);
    if (e.code === 'internal') ctx.logger.error({ err: error }, 'slack request failed');
    await deliver(client, target, renderNotice(e.userMessage)).catch((deliveryError: unknown) => ctx.logger.warn({ err: deliveryError }, 'slack error message not delivered'));
  }

  // ---- /vraag (a private answer, with "Deel in kanaal") and any other command of the core ----
  // Commands other than /vraag and /wijkwijs (e.g. /casus, /twintigogen) reach the core as the text
  // the user would type in the web chat: features add commands in the manifest, not here. Only /vraag
  // needs text; a feature's command alone (e.g. /onboarding) is fine, the feature decides.
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
      if (!isDm && (await shared.isExternal(client, c.channel_id))) return void (await respond({ response_type: 'ephemeral', text: EXTERNAL_CHANNEL_TEXT }));
      if (!limiter.take(userId)) return void (await respond({ response_type: 'ephemeral', text: RATE_LIMITED_TEXT }));
      const link = isDm ? undefined : await channelLink(ctx.db, channelKey(c.team_id, c.channel_id));
      const text = isQuestion ? c.text.trim() : `${c.command} ${c.text.trim()}`.trim();
      // The answer goes to the user alone (ephemeral in a channel), so it may follow their teams.
      const reply = await answerTurn({ channel: 'slack', userId, teamId: link?.teamId, audience: 'private', text });
      // A command brings a trigger_id, so a form opens at once as a modal.
      if (reply.form && c.trigger_id) await openForm(client, c.trigger_id, reply, { channel: c.channel_id, teamId: link?.teamId });
      const message = await renderWithForm(reply, userId, { handoff: isQuestion, share: isQuestion && !isDm });
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
      await ack({ response_type: 'ephemeral', text: await wijkwijsCommand(ctx, c, config) });
    } catch (error) {
      const e = toWijkwijsError(error);
      if (e.code === 'internal') ctx.logger.error({ err: error }, 'slack command failed');
      await ack({ response_type: 'ephemeral', text: e.userMessage });
    }
  });

  // ---- Clicks ----
  app.action(/^wijkwijs\./, async ({ ack, body, client, respond }) => {
    await ack();
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success) return;
    const b = parsed.data;
    const workspaceId = b.team?.id ?? b.user.team_id ?? '';
    const userId = slackUserId(workspaceId, b.user.id);
    const channel = b.channel?.id ?? b.container?.channel_id ?? b.user.id;
    // In a channel the answer goes to the clicked message's thread; a DM's main line is the conversation.
    const threadTs = b.message?.thread_ts ?? b.container?.thread_ts ?? (b.container?.is_ephemeral || isDirect(channel) ? undefined : b.message?.ts);
    const privateTo = formTarget({ channel, threadTs }, b.user.id);
    // The message that carried the button, for a reply that replaces it (not for a private message).
    const sourceTs = b.container?.is_ephemeral ? undefined : (b.container?.message_ts ?? b.message?.ts);
    const action = b.actions[0]!;
    const value = action.value ?? '';
    try {
      rejectControlCharacters(b.actions);
      const [name] = action.action_id.split(':');
      switch (name) {
        case ACTION.passage:
          return await openPassage(client, b, userId, value);
        case ACTION.feedbackUp: {
          const reply = await handleTurn(ctx, { channel: 'slack', userId, audience: 'private', action: { id: 'feedback.up', value } });
          return await deliver(client, privateTo, renderNotice(reply.text));
        }
        case ACTION.feedbackDown:
          if (!b.trigger_id) throw new WijkwijsError('bad_request', 'Dit venster kon niet worden geopend. Probeer het nog eens.');
          await client.views.open({ trigger_id: b.trigger_id, view: feedbackModal(value, { channel, threadTs }) as never });
          return;
        case ACTION.handoff:
          return await deliver(client, privateTo, renderNotice(await requestHandoff(ctx, client, config, { workspaceId, slackUser: b.user.id, answerId: value })));
        case ACTION.handoffResolve:
          return await resolveHandoff(ctx, client, { workspaceId, slackUser: b.user.id, handoffId: value });
        case ACTION.share:
          return await shareInChannel(client, b, userId, value, channel);
        case ACTION.openForm: {
          const form = await loadForm(prisma, value, userId);
          if (!form || !b.trigger_id) throw new WijkwijsError('not_found', 'Dit formulier is verlopen of al verstuurd. Begin gerust opnieuw.');
          await openForm(client, b.trigger_id, { form } as Reply, { channel, threadTs, sourceTs, teamId: await linkedTeam(workspaceId, channel) });
          return;
        }
        case ACTION.openNotificationForm: {
          // A message Wijkwijs sent on its own: its current form, for whoever it was sent to.
          const notification = await prisma.notification.findUnique({ where: { id: value } });
          const allowed = notification && (notification.userId === userId || (notification.teamId && (await isMember(prisma, userId, notification.teamId))));
          const form = allowed ? (notification.reply as unknown as Reply).form : undefined;
          if (!form || !b.trigger_id) throw new WijkwijsError('not_found', 'Dit formulier is er niet (meer), of is niet voor jou bedoeld.');
          await openForm(client, b.trigger_id, { form }, { channel, threadTs, sourceTs, teamId: notification!.teamId ?? (await linkedTeam(workspaceId, channel)) });
          return;
        }
        case ACTION.replyAction: {
          // A feature's own button: its id and value go back to the core unchanged.
          const a = replyActionValueSchema.parse(JSON.parse(value));
          const teamId = await linkedTeam(workspaceId, channel);
          // Answered to the clicker alone; a reply that replaces a channel message is a feature's own notice.
          const reply = await handleTurn(ctx, { channel: 'slack', userId, teamId, audience: 'private', action: { id: a.id, value: a.value } });
          if (reply.form && b.trigger_id) await openForm(client, b.trigger_id, reply, { channel, threadTs, sourceTs, teamId });
          if (reply.replacesSource) return await replaceSource(client, reply, { channel, sourceTs, userId, teamId, respond: b.response_url ? respond : undefined }, privateTo);
          return await deliver(client, privateTo, await renderWithForm(reply, userId, {}));
        }
        default:
          return;
      }
    } catch (error) {
      await deliverError(client, privateTo, error);
    }
  });

  async function openForm(
    client: WebClient,
    triggerId: string,
    reply: Pick<Reply, 'form'>,
    where: { channel: string; threadTs?: string; sourceTs?: string; teamId?: string },
  ): Promise<void> {
    const form = reply.form!;
    const view = formModal(form, {
      formId: form.id,
      submitId: form.submit.id,
      cancelId: form.cancel?.id,
      channel: where.channel,
      threadTs: where.threadTs,
      sourceTs: where.sourceTs,
      teamId: where.teamId,
    });
    await client.views.open({ trigger_id: triggerId, view: view as never });
  }

  /**
   * A reply that replaces the message with the button (e.g. an announcement whose count changed):
   * chat.update of a channel or DM message, the response_url for a private one. Everyone in the
   * channel sees the new message, so its form is kept for the whole team there.
   */
  async function replaceSource(
    client: WebClient,
    reply: Reply,
    source: { channel: string; sourceTs?: string; userId: string; teamId?: string; respond?: (message: Record<string, unknown>) => Promise<unknown> },
    fallback: Target,
  ): Promise<void> {
    if (source.sourceTs) {
      const message = await renderWithForm(reply, source.teamId ? teamOwner(source.teamId) : source.userId, {});
      await client.chat.update({ channel: source.channel, ts: source.sourceTs, ...message });
    } else if (source.respond) {
      await source.respond({ replace_original: true, ...(await renderWithForm(reply, source.userId, {})) });
    } else {
      await deliver(client, fallback, await renderWithForm(reply, source.userId, {}));
    }
  }

  /** The passage behind a citation, in a modal only the clicker sees. */
  async function openPassage(client: WebClient, b: BlockAction, userId: string, passageId: string): Promise<void> {
    const passage = await showPassage(ctx.db, { channel: 'slack', userId, audience: 'private' }, passageId);
    if (!b.trigger_id) throw new WijkwijsError('bad_request', 'Dit venster kon niet worden geopend. Probeer het nog eens.');
    await client.views.open({ trigger_id: b.trigger_id, view: passageModal(passage) as never });
  }

  /** "Deel in kanaal": the core checks the channel against every passage the answer cites. */
  async function shareInChannel(client: WebClient, b: BlockAction, userId: string, answerId: string, channel: string): Promise<void> {
    if (!isDirect(channel) && (await shared.isExternal(client, channel))) throw new WijkwijsError('forbidden', EXTERNAL_CHANNEL_TEXT);
    const teamId = await linkedTeam(b.team?.id ?? b.user.team_id ?? '', channel);
    const reply = await shareAnswer(ctx.db, { answerId, target: { channel: 'slack', userId, teamId, audience: 'shared' } });
    const message = renderReply(reply);
    const intro = { type: 'context', elements: [{ type: 'mrkdwn', text: `<@${b.user.id}> deelt een antwoord van Wijkwijs` }] };
    await client.chat.postMessage({ channel, text: message.text, blocks: [intro, ...message.blocks] });
  }

  // ---- Modals ----
  app.view(VIEW.form, async ({ ack, body, client }) => {
    await ack();
    const p = viewPayloadSchema.parse(body);
    const meta = formMetadataSchema.parse(JSON.parse(p.view.private_metadata));
    const userId = slackUserId(p.team?.id ?? p.user.team_id ?? '', p.user.id);
    const target = formTarget(meta, p.user.id);
    try {
      const fields = formFields(viewValues(p.view, 'field:'));
      await dropForms(prisma, userId, meta.formId);
      const workspaceId = p.team?.id ?? p.user.team_id ?? '';
      const teamId = meta.teamId ?? (await linkedTeam(workspaceId, meta.channel));
      const reply = await handleTurn(ctx, { channel: 'slack', userId, teamId, audience: 'private', action: { id: meta.submitId, value: meta.formId, fields } });
      if (reply.replacesSource && meta.sourceTs) return await replaceSource(client, reply, { channel: meta.channel, sourceTs: meta.sourceTs, userId, teamId }, target);
      await deliver(client, target, await renderWithForm(reply, userId, {}));
    } catch (error) {
      await deliverError(client, target, error);
    }
  });

  app.view({ callback_id: VIEW.form, type: 'view_closed' }, async ({ ack, body, client }) => {
    await ack();
    const p = viewPayloadSchema.parse(body);
    const meta = formMetadataSchema.parse(JSON.parse(p.view.private_metadata));
    if (!meta.cancelId) return;
    const userId = slackUserId(p.team?.id ?? p.user.team_id ?? '', p.user.id);
    const target = formTarget(meta, p.user.id);
    try {
      await dropForms(prisma, userId, meta.formId);
      const teamId = meta.teamId ?? (await linkedTeam(p.team?.id ?? p.user.team_id ?? '', meta.channel));
      const reply = await handleTurn(ctx, { channel: 'slack', userId, teamId, audience: 'private', action: { id: meta.cancelId, value: meta.formId } });
      await deliver(client, target, renderReply(reply));
    } catch (error) {
      await deliverError(client, target, error);
    }
  });

  app.view(VIEW.feedback, async ({ ack, body, client }) => {
    await ack();
    const p = viewPayloadSchema.parse(body);
    const meta = feedbackMetadataSchema.parse(JSON.parse(p.view.private_metadata));
    const userId = slackUserId(p.team?.id ?? p.user.team_id ?? '', p.user.id);
    const target: Target = { channel: meta.channel, threadTs: meta.threadTs, ephemeralUser: p.user.id };
    try {
      const comment = viewValues(p.view, '').comment;
      const reply = await handleTurn(ctx, { channel: 'slack', userId, audience: 'private', action: { id: 'feedback.down', value: meta.answerId, comment: comment || undefined } });
      await deliver(client, target, renderNotice(reply.text));
    } catch (error) {
      await deliverError(client, target, error);
    }
  });

  // ---- Someone joins a linked channel: features may welcome them (onboarding) ----
  // Retries of the same event were already dropped by the event-id check above.
  app.event('member_joined_channel', async ({ event, body, client, context }) => {
    const parsed = memberJoinedSchema.safeParse(event);
    if (!parsed.success || parsed.data.user === context.botUserId) return;
    const e = parsed.data;
    const workspaceId = envelopeSchema.parse(body).team_id;
    try {
      const teamId = await linkedTeam(workspaceId, e.channel);
      if (!teamId) return;
      const info = await client.users.info({ user: e.user }).catch(() => undefined);
      if (info?.user?.is_bot) return;
      const userName = info?.user?.profile?.display_name || info?.user?.real_name || info?.user?.name || undefined;
      await handleMemberJoined(ctx, { channel: 'slack', teamId, userId: slackUserId(workspaceId, e.user), userName });
      ctx.logger.info({ teamId, channel: 'slack' }, 'slack member joined');
    } catch (error) {
      ctx.logger.error({ err: error }, 'slack member joined failed');
    }
  });

  // ---- App Home ----
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const workspaceId = envelopeSchema.parse(body).team_id;
    try {
      await client.views.publish({ user_id: event.user, view: (await homeView(ctx, slackUserId(workspaceId, event.user))) as never });
    } catch (error) {
      ctx.logger.warn({ err: error }, 'slack home not published');
    }
  });

  app.error(async (error) => {
    ctx.logger.error({ err: error }, 'slack listener failed');
  });
}

/**
 * Lets waiting I/O run first: an in-process PGlite resolves query after query as microtasks and never
 * yields to the event loop, so without this, requests arriving during an answer (and their 3-second
 * acknowledgements) would wait for it.
 */
function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Where a private answer (to a command, a click or a form) goes: in a DM a normal message, so it stays
 * in the conversation (an ephemeral one there vanishes on reload, e.g. an onboarding step or a quiz);
 * in a channel only the user sees it. A DM the bot is not part of fails to post and falls back to the
 * command's response_url.
 */
function formTarget(meta: { channel: string; threadTs?: string }, slackUser: string): Target {
  return isDirect(meta.channel) ? { channel: meta.channel, threadTs: meta.threadTs } : { channel: meta.channel, threadTs: meta.threadTs, ephemeralUser: slackUser };
}

function isDirect(channel: string): boolean {
  return channel.startsWith('D');
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
