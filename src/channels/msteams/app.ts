/**
 * The Microsoft Teams channel: a botbuilder CloudAdapter at /api/messages that turns Teams activities
 * (messages, card clicks, installs, members joining) into core Turns and renders the Replies as text
 * with citations plus an Adaptive Card. Everything else is in the core.
 */
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Context } from '../../assistant/context.ts';
import type { MsTeamsConfig } from '../../lib/config.ts';
import type { ChannelDelivery } from '../../assistant/messenger.ts';
import { channelGuard } from '../shared/guard.ts';
import { activitySchema, conversationKind } from './activity.ts';
import { createMsTeamsAdapter, isAuthenticationFailure, type ServiceClientCredentialsFactory } from './adapter.ts';
import { onInvoke } from './handlers/cards.ts';
import { onConversationUpdate, onInstallationUpdate } from './handlers/conversation-updates.ts';
import { onMessage } from './handlers/messages.ts';
import { msTeamsDelivery, type Poster } from './proactive.ts';
import type { MsTeamsDeps } from './respond.ts';
import { activityKey, claimActivity } from './store.ts';

export interface MsTeamsOptions {
  /** Credentials for calls to Teams; by default from the app id and secret or managed identity. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  /** Largest accepted request body. */
  bodyLimit?: string;
}

export interface MsTeamsChannel {
  adapter: CloudAdapter;
  router: express.Router;
  delivery: ChannelDelivery;
  /** Resolves when every message acknowledged so far has been answered (for a clean stop). */
  settled(): Promise<void>;
}

export function createMsTeamsChannel(ctx: Context, config: MsTeamsConfig, options: MsTeamsOptions = {}): MsTeamsChannel {
  const adapter = createMsTeamsAdapter(config, options.credentialsFactory);
  const poster: Poster = { adapter, appId: config.appId ?? '' };
  const bot = createBot({ ctx, poster, guard: channelGuard(ctx) });
  adapter.onTurnError = async (_tc, error) => {
    ctx.logger.error({ err: error }, 'msteams turn failed');
  };

  // Teams waits about 15 seconds for the HTTP answer and then sends the message again, while a model
  // answer may take longer: a message is acknowledged at once and answered in a turn of its own. Its
  // id is claimed in the database first, so a resend (to this process or another) is not answered twice.
  const answering = new Set<Promise<void>>();
  async function acknowledge(tc: TurnContext): Promise<void> {
    const a = tc.activity;
    if (a.id && !(await claimActivity(ctx.db, activityKey(a)))) {
      ctx.logger.info({ kind: conversationKind(a) }, 'msteams activity already handled');
      return;
    }
    const later = adapter
      .runLater(poster.appId, a, bot)
      .catch((error: unknown) => ctx.logger.error({ err: error }, 'msteams answer failed'))
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
        ctx.logger.warn({ type: parsed.data.type, reason: String((error as Error).message).slice(0, 200) }, 'msteams request refused: not authenticated');
        res.status(401).json({ error: { code: 'unauthorized', message: 'Dit verzoek komt niet aantoonbaar van Microsoft Teams.' } });
        return;
      }
      ctx.logger.error({ err: error }, 'msteams request failed');
      res.status(500).json({ error: { code: 'internal', message: 'Er ging iets mis aan onze kant. Probeer het zo nog eens.' } });
      return;
    }
    ctx.logger.debug({ type: parsed.data.type, durationMs: Date.now() - started }, 'msteams activity handled');
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
    if (!type) ctx.logger.error({ err: error }, 'msteams request failed');
    res.status(400).json({ error: { code: 'bad_request', message } });
  });

  return { adapter, router, delivery: msTeamsDelivery(ctx, poster), settled };
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || a.startsWith('127.');
}

/** One handler per kind of activity (handlers/); others are ignored. */
function createBot(deps: MsTeamsDeps) {
  return async function run(tc: TurnContext): Promise<void> {
    switch (tc.activity.type) {
      case 'message':
        return onMessage(deps, tc);
      case 'invoke':
        return onInvoke(deps, tc);
      case 'conversationUpdate':
        return onConversationUpdate(deps, tc);
      case 'installationUpdate':
        return onInstallationUpdate(deps, tc);
      default:
        return;
    }
  };
}
