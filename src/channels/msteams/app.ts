/**
 * The Microsoft Teams channel: a botbuilder CloudAdapter at /api/messages that turns Teams activities
 * (messages, card clicks, installs, members joining) into core Turns and renders the Replies as text
 * with citations plus an Adaptive Card. Everything else is in the core.
 */
import { CloudAdapter, TurnContext, type Activity, type InvokeResponse } from 'botbuilder';
import express, { type NextFunction, type Request, type Response } from 'express';
import { commandNames, handleMemberJoined, handleTurn } from '../../assistant/handle-turn.ts';
import type { Reply, Turn } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import type { TeamsConfig } from '../../lib/config.ts';
import { rejectControlCharacters } from '../../lib/control-characters.ts';
import { toWijkwijsError, WijkwijsError } from '../../lib/errors.ts';
import type { ChannelDelivery } from '../../assistant/messenger.ts';
import { AnswerGate, RATE_LIMITED_TEXT, RateLimiter } from '../slack/guard.ts';
import { createTeamsAdapter, isAuthenticationFailure, type ServiceClientCredentialsFactory } from './adapter.ts';
import { activitySchema, cardDataSchema, cardFields, channelData, conversationKind, storedConversation, stripMention, teamsChannelId, teamsUserId } from './activity.ts';
import { parseIntent, settingsCommand } from './commands.ts';
import { requestHandoff, resolveHandoff } from './handoff.ts';
import { openPersonalConversation, postTo, teamsDelivery, type Poster } from './proactive.ts';
import { ACTION, FIELD_PREFIX, renderDoneCard, renderNotice, renderReply } from './render.ts';
import { activityKey, channelLink, claimActivity, forgetConversation, linkedTeamOfTeamsTeam, personalConversation, releaseActivity, rememberThread, saveConversation, threadConversation } from './store.ts';

export interface TeamsOptions {
  /** Questions per user per minute. */
  questionsPerMinute?: number;
  /** Credentials for calls to Teams; by default from the app id and secret or managed identity. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Largest accepted request body. */
  bodyLimit?: string;
}

export interface TeamsChannel {
  adapter: CloudAdapter;
  router: express.Router;
  delivery: ChannelDelivery;
  /** Resolves when every message acknowledged so far has been answered (for a clean stop). */
  settled(): Promise<void>;
}

export const GREETING = [
  'Hoi! Ik ben **Wijkwijs**. Ik zoek antwoorden in het handboek, de methoden en de kennis van jullie wijkteam, altijd met de bronnen erbij.',
  'Stel je vraag in een chat met mij, of noem **@Wijkwijs** in een kanaal. Typ `casus <tekst>` om een casus vast te leggen (zonder persoonsgegevens).',
  'Beheerder van een team? Koppel een kanaal met: **@Wijkwijs koppel <team>**. Typ `help` voor meer.',
].join('\n\n');

const CARD_MESSAGE = 'application/vnd.microsoft.activity.message';
/** Longer notices go to the personal chat instead of only the clicker's passing message. */
const SHORT_NOTICE_MAX = 200;
const NO_PERSONAL_CHAT = 'Ik kon je geen persoonlijk bericht sturen. Open een chat met Wijkwijs (Apps → Wijkwijs) en probeer het daarna opnieuw.';
const CARD_ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export function createTeamsChannel(ctx: Context, config: TeamsConfig, options: TeamsOptions = {}): TeamsChannel {
  const adapter = createTeamsAdapter(config, options.credentialsFactory);
  const poster: Poster = { adapter, appId: config.appId ?? '' };
  const bot = createBot(ctx, poster, options);
  adapter.onTurnError = async (_tc, error) => {
    ctx.logger.error({ err: error }, 'teams turn failed');
  };

  // Teams waits about 15 seconds for the HTTP answer and then sends the message again, while a model
  // answer may take longer: a message is acknowledged at once and answered in a turn of its own. Its
  // id is claimed in the database first, so a resend (to this process or another) is not answered twice.
  const answering = new Set<Promise<void>>();
  async function acknowledge(tc: TurnContext): Promise<void> {
    const a = tc.activity;
    if (a.id && !(await claimActivity(ctx.db, activityKey(a)))) {
      ctx.logger.info({ kind: conversationKind(a) }, 'teams activity already handled');
      return;
    }
    const later = adapter
      .runLater(poster.appId, a, bot)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'teams answer failed'))
      .finally(() => answering.delete(later));
    answering.add(later);
  }
  const settled = async () => {
    while (answering.size) await Promise.allSettled([...answering]);
  };

  const router = express.Router();
  // Without an app id nobody is authenticated, so only this machine (the Bot Framework Emulator) gets in.
  router.post('/api/messages', (req: Request, res: Response, next: NextFunction) => {
    if (config.appId || isLoopbackAddress(req.socket.remoteAddress)) return next();
    res.status(403).json({ error: { code: 'forbidden', message: 'Teams is hier niet ingesteld: zonder MICROSOFT_APP_ID antwoord ik alleen op deze computer.' } });
  });
  router.post('/api/messages', express.json({ limit: options.bodyLimit ?? '512kb' }), async (req: Request, res: Response) => {
    const parsed = activitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: { code: 'bad_request', message: 'Dit is geen geldig Teams-bericht (Bot Framework-activiteit).' } });
      return;
    }
    const started = Date.now();
    let invoke: InvokeResponse | undefined;
    try {
      // Card clicks (invokes) need their answer in this response; they stay synchronous.
      invoke = await adapter.run(req.get('authorization') ?? '', parsed.data as unknown as Activity, (tc) => (tc.activity.type === 'message' ? acknowledge(tc) : bot(tc)));
    } catch (error) {
      if (isAuthenticationFailure(error)) {
        ctx.logger.warn({ type: parsed.data.type, reason: String((error as Error).message).slice(0, 200) }, 'teams request refused: not authenticated');
        res.status(401).json({ error: { code: 'unauthorized', message: 'Dit verzoek komt niet aantoonbaar van Microsoft Teams.' } });
        return;
      }
      ctx.logger.error({ err: error }, 'teams request failed');
      res.status(500).json({ error: { code: 'internal', message: 'Er ging iets mis aan onze kant. Probeer het zo nog eens.' } });
      return;
    }
    ctx.logger.debug({ type: parsed.data.type, durationMs: Date.now() - started }, 'teams activity handled');
    res.status(invoke?.status ?? 200);
    if (invoke?.body !== undefined) res.json(invoke.body);
    else res.end();
  });
  router.all('/api/messages', (_req: Request, res: Response) => {
    res.status(405).json({ error: { code: 'bad_request', message: 'Stuur Teams-berichten met POST.' } });
  });
  router.use('/api/messages', (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const type = (error as { type?: string } | null)?.type;
    const message =
      type === 'entity.too.large' ? 'Dit bericht is te groot.' : type === 'entity.parse.failed' ? 'Het verzoek is geen geldige JSON.' : 'Dit is geen geldig Teams-bericht (Bot Framework-activiteit).';
    if (!type) ctx.logger.error({ err: error }, 'teams request failed');
    res.status(400).json({ error: { code: 'bad_request', message } });
  });

  return { adapter, router, delivery: teamsDelivery(ctx, poster), settled };
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || a.startsWith('127.');
}

function createBot(ctx: Context, poster: Poster, options: TeamsOptions) {
  const limiter = new RateLimiter(options.questionsPerMinute ?? 10, 60_000);
  const gate = new AnswerGate(ctx.chatModel ? 16 : ctx.db.kind === 'pglite' ? 1 : 4);

  async function remember(tc: TurnContext): Promise<void> {
    await saveConversation(ctx.db, storedConversation(tc.activity, TurnContext.getConversationReference(tc.activity)));
  }

  async function linkedTeam(activity: Activity): Promise<string | undefined> {
    const channelId = teamsChannelId(activity);
    return channelId ? channelLink(ctx.db, channelId) : undefined;
  }

  async function onMessage(tc: TurnContext): Promise<void> {
    const a = tc.activity;
    // An Action.Submit (older clients, the Emulator) arrives as a message with the card's data as value.
    if (a.value && typeof a.value === 'object' && !stripMention(a)) {
      await onCardData(tc, a.value as Record<string, unknown>).catch((error: unknown) => sendError(tc, error));
      return;
    }
    await remember(tc);
    const userId = teamsUserId(a.from);
    const text = stripMention(a);
    try {
      rejectControlCharacters(text);
      if (!text) return void (await tc.sendActivity(renderNotice('Typ je vraag achter mijn naam, bijvoorbeeld: @Wijkwijs Hoe lang heb ik om de hulpvraag te verkennen?')));
      const intent = parseIntent(text, commandNames(ctx.features));
      if (intent.kind === 'settings') {
        await tc.sendActivity(renderNotice(await settingsCommand(ctx, intent.word, intent.args, { userId, channelId: teamsChannelId(a) })));
        return;
      }
      if (!limiter.take(userId)) return void (await tc.sendActivity(renderNotice(RATE_LIMITED_TEXT)));
      // Seen at once: the typing indicator shows while the sources are searched.
      await tc.sendActivity({ type: 'typing' });
      const threadKey = a.conversation.id;
      // A command's answer goes to the personal chat (see below); a question's to where it was asked.
      const answeredPrivately = conversationKind(a) === 'personal' || intent.kind === 'command';
      const turn: Turn = {
        channel: 'teams',
        userId,
        userName: a.from.name,
        teamId: await linkedTeam(a),
        audience: answeredPrivately ? 'private' : 'shared',
        conversationId: await threadConversation(ctx.db, threadKey, userId),
        text: intent.text,
      };
      const started = Date.now();
      const reply = await gate.run(() => handleTurn(ctx, turn));
      if (intent.kind === 'command' && conversationKind(a) !== 'personal') {
        // A command answers the one who typed it (a form, a draft to check, their own status), and Teams
        // has no message only one person sees in a channel: the answer goes to their personal chat.
        const sent = await sendPersonally(a, renderReply(reply));
        await tc.sendActivity(renderNotice(sent ? 'Ik heb je geantwoord in je chat met Wijkwijs.' : NO_PERSONAL_CHAT));
      } else {
        await tc.sendActivity(renderReply(reply, { handoff: intent.kind === 'question' }));
      }
      await rememberThread(ctx.db, threadKey, userId, reply.conversationId);
      ctx.logger.info({ channel: 'teams', kind: conversationKind(a), answerId: reply.answerId, mode: reply.mode, durationMs: Date.now() - started }, 'teams question answered');
    } catch (error) {
      // What went wrong on our side may go right when Teams sends the message again.
      if ((await sendError(tc, error)).code === 'internal' && a.id) await releaseActivity(ctx.db, activityKey(a));
    }
  }

  async function sendError(tc: TurnContext, error: unknown): Promise<WijkwijsError> {
    const e = toWijkwijsError(error);
    if (e.code === 'internal') ctx.logger.error({ err: error }, 'teams request failed');
    await tc.sendActivity(renderNotice(e.userMessage)).catch((deliveryError: unknown) => ctx.logger.warn({ err: deliveryError }, 'teams error message not delivered'));
    return e;
  }

  /**
   * A click on a card: an Action.Execute invoke (answered with a card or a short message) or an
   * Action.Submit message. Returns what the invoke answers.
   */
  async function onCardData(tc: TurnContext, raw: Record<string, unknown>): Promise<InvokeResponse['body']> {
    const a = tc.activity;
    const isInvoke = a.type === 'invoke';
    rejectControlCharacters(raw);
    const parsed = cardDataSchema.safeParse(raw);
    if (!parsed.success) throw new WijkwijsError('bad_request', 'Deze knop ken ik niet (meer). Stel je vraag gerust opnieuw.');
    const data = parsed.data;
    const userId = teamsUserId(a.from);
    await remember(tc);
    switch (data.actionId) {
      case ACTION.handoff:
        return privately(tc, renderNotice(await requestHandoff(ctx, poster, { userId, userName: a.from.name, answerId: data.value ?? '' })), isInvoke);
      case ACTION.handoffResolve: {
        const card = await resolveHandoff(ctx, poster, { userId, userName: a.from.name, handoffId: data.value ?? '' });
        if (!card) return privately(tc, renderNotice('Deze vraag was al opgelost.'), isInvoke);
        return isInvoke ? { statusCode: 200, type: CARD_ADAPTIVE, value: card } : undefined;
      }
    }
    const reply = await handleTurn(ctx, {
      channel: 'teams',
      userId,
      userName: a.from.name,
      teamId: await linkedTeam(a),
      // Answered in the personal chat or to the clicker alone; a card updated in place is a feature's notice.
      audience: 'private',
      conversationId: await threadConversation(ctx.db, a.conversation.id, userId),
      action: { id: data.actionId, value: data.value, fields: cardFields(raw, FIELD_PREFIX) },
    });
    if (reply.conversationId) await rememberThread(ctx.db, a.conversation.id, userId, reply.conversationId);
    if (reply.replacesSource) {
      // The card that carried the button shows the outcome; everyone in the chat sees the same card.
      if (isInvoke) return { statusCode: 200, type: CARD_ADAPTIVE, value: renderDoneCard(reply) };
      if (a.replyToId) {
        await tc.updateActivity({ ...renderReply(reply), id: a.replyToId });
        return undefined;
      }
    }
    return privately(tc, renderReply(reply), isInvoke, reply);
  }

  /**
   * Teams has no messages only one person sees. In a personal chat the reply is a message there; in a
   * channel or group chat a short notice shows only to the clicker (the invoke's answer) and a fuller
   * reply goes to their personal chat with Wijkwijs (opened for them if need be); when that fails they
   * are asked to open the chat themselves.
   */
  async function privately(tc: TurnContext, activity: Partial<Activity>, isInvoke: boolean, reply?: Reply): Promise<InvokeResponse['body']> {
    const a = tc.activity;
    // Teams shows an invoke's message only briefly, as plain text: fine for "Je stem is geteld.", not for
    // something to read back later (preparation steps, several lines).
    const text = activity.text ?? '';
    const plain = !reply || (reply.mode === 'notice' && !reply.actions.length && !reply.form && !reply.citations.length && text.length <= SHORT_NOTICE_MAX && !text.includes('\n'));
    if (conversationKind(a) === 'personal') {
      await tc.sendActivity(activity);
      return isInvoke ? { statusCode: 200, type: CARD_MESSAGE, value: plain ? (activity.text ?? 'Gedaan.') : 'Gedaan.' } : undefined;
    }
    if (isInvoke && plain) return { statusCode: 200, type: CARD_MESSAGE, value: activity.text ?? 'Gedaan.' };
    if (await sendPersonally(a, activity)) {
      return isInvoke ? { statusCode: 200, type: CARD_MESSAGE, value: 'Ik heb je antwoord in je chat met Wijkwijs gezet.' } : undefined;
    }
    // What was meant for one person (a draft to check, someone's own status) never goes to the channel.
    if (isInvoke) return { statusCode: 200, type: CARD_MESSAGE, value: NO_PERSONAL_CHAT };
    await tc.sendActivity({ type: 'message', text: NO_PERSONAL_CHAT });
    return undefined;
  }

  /** Posts to the person's personal chat with Wijkwijs, opening it when need be; false when Teams refuses. */
  async function sendPersonally(a: Activity, activity: Partial<Activity>): Promise<boolean> {
    const personal = (await personalConversation(ctx.db, teamsUserId(a.from))) ?? (await openPersonalChat(a));
    if (personal) await postTo(poster, personal, activity);
    return Boolean(personal);
  }

  /** A member of a team the bot is in can be written to privately even before they ever opened the chat. */
  async function openPersonalChat(a: Activity) {
    return openPersonalConversation(ctx, poster, {
      userId: teamsUserId(a.from),
      member: { id: a.from.id, name: a.from.name, aadObjectId: a.from.aadObjectId },
      bot: a.recipient,
      serviceUrl: a.serviceUrl,
      tenantId: channelData(a).tenant?.id ?? a.conversation.tenantId,
      channelId: a.channelId,
    }).catch((error: unknown) => {
      ctx.logger.warn({ err: error }, 'teams personal chat not opened');
      return undefined;
    });
  }

  async function onInvoke(tc: TurnContext): Promise<void> {
    const a = tc.activity;
    if (a.name !== 'adaptiveCard/action') {
      await tc.sendActivity({ type: 'invokeResponse', value: { status: 200, body: {} } });
      return;
    }
    const value = (a.value ?? {}) as { action?: { data?: unknown } };
    let body: InvokeResponse['body'];
    try {
      const data = value.action?.data;
      if (!data || typeof data !== 'object') throw new WijkwijsError('bad_request', 'Deze knop ken ik niet (meer). Stel je vraag gerust opnieuw.');
      body = (await onCardData(tc, data as Record<string, unknown>)) ?? { statusCode: 200, type: CARD_MESSAGE, value: 'Gedaan.' };
    } catch (error) {
      const e = toWijkwijsError(error);
      if (e.code === 'internal') ctx.logger.error({ err: error }, 'teams card action failed');
      body = { statusCode: 200, type: CARD_MESSAGE, value: e.userMessage };
    }
    await tc.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  }

  async function onConversationUpdate(tc: TurnContext): Promise<void> {
    const a = tc.activity;
    const added = a.membersAdded ?? [];
    if (added.some((m) => m.id === a.recipient.id)) {
      await remember(tc);
      ctx.logger.info({ kind: conversationKind(a) }, 'teams bot installed');
      const greeting = TurnContext.applyConversationReference({ type: 'message', text: GREETING, textFormat: 'markdown' }, TurnContext.getConversationReference(a));
      delete greeting.replyToId;
      await tc.adapter.sendActivities(tc, [greeting]);
    }
    const teamsTeamId = (a.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    const people = added.filter((m) => m.id !== a.recipient.id);
    if (!teamsTeamId || !people.length) return;
    const teamId = await linkedTeamOfTeamsTeam(ctx.db, teamsTeamId);
    if (!teamId) return;
    for (const person of people) {
      const userId = teamsUserId(person);
      // Whatever the team does for a newcomer (a welcome, a start form) goes to their personal chat.
      if (!(await personalConversation(ctx.db, userId))) await openPersonalChat({ ...a, from: person } as Activity);
      await handleMemberJoined(ctx, { channel: 'teams', teamId, userId, userName: person.name });
    }
    ctx.logger.info({ teamId, joined: people.length }, 'teams members joined');
  }

  async function onInstallationUpdate(tc: TurnContext): Promise<void> {
    const a = tc.activity;
    if (a.action === 'remove' || a.action === 'remove-upgrade') {
      await forgetConversation(ctx.db, storedConversation(a, TurnContext.getConversationReference(a)).conversationId);
      ctx.logger.info({ kind: conversationKind(a) }, 'teams bot removed');
      return;
    }
    // The greeting comes with conversationUpdate; here only the reference is kept.
    await remember(tc);
  }

  return async function run(tc: TurnContext): Promise<void> {
    switch (tc.activity.type) {
      case 'message':
        return onMessage(tc);
      case 'invoke':
        return onInvoke(tc);
      case 'conversationUpdate':
        return onConversationUpdate(tc);
      case 'installationUpdate':
        return onInstallationUpdate(tc);
      default:
        return;
    }
  };
}
