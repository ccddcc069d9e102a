/**
 * The Slack channel: a Bolt app whose listeners (one file per kind under listeners/) turn Slack
 * events, commands, clicks and modal submits into core Turns and render the Replies in Block Kit.
 * HTTP mode mounts on the web server's express app at /slack/events; Socket Mode connects out with
 * the app token. Everything else is in the core.
 */
import { App, ExpressReceiver } from '@slack/bolt';
import express from 'express';
import type { Context } from '../../assistant/context.ts';
import type { SlackConfig } from '../../lib/config.ts';
import { channelGuard } from '../shared/guard.ts';
import { createSlackDelivery } from './create-slack-delivery.ts';
import { boltLogger, SharedChannels } from './guard.ts';
import { slackNameSource } from './name-source.ts';
import { register as registerActions } from './listeners/actions.ts';
import { register as registerAssistant } from './listeners/assistant.ts';
import { register as registerCommands } from './listeners/commands.ts';
import { register as registerEvents } from './listeners/events.ts';
import { register as registerMessages } from './listeners/messages.ts';
import { register as registerShortcuts } from './listeners/shortcuts.ts';
import { register as registerViews } from './listeners/views.ts';
import type { SlackDeps } from './respond.ts';

/**
 * Outgoing Web API calls give up quickly: the client's default retries for about half an hour and
 * waits out every rate limit, so an answer could wait minutes. Two more tries within five seconds
 * for a failed connection or a Slack error, none for a rate limit (the call fails and the listener
 * apologises), and ten seconds at most per request.
 */
export const BOUNDED_CALLS = {
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000, maxRetryTime: 5000, randomize: true },
  rejectRateLimitedCalls: true,
  timeout: 10_000,
};

export interface SlackOptions {
  /** A status message is posted (and later replaced) only when the answer takes longer than this. */
  statusAfterMs?: number;
}

export interface SlackChannel {
  app: App;
  /** The express router serving /slack/events in HTTP mode. */
  router?: express.Router;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackChannel(ctx: Context, config: SlackConfig, options: SlackOptions = {}): SlackChannel {
  const logger = boltLogger(ctx.logger);
  const clientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), ...BOUNDED_CALLS };
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
  const deps: SlackDeps = { ctx, config, guard: channelGuard(ctx), shared: new SharedChannels(), statusAfterMs: options.statusAfterMs ?? 1000 };
  // The event-id check (in events) runs first: it is global middleware.
  for (const register of [registerEvents, registerAssistant, registerMessages, registerCommands, registerActions, registerViews, registerShortcuts]) register(app, deps);
  let unregister: (() => void) | undefined;
  return {
    app,
    router: receiver?.router as express.Router | undefined,
    start: async () => {
      if (config.mode === 'socket') await app.start();
      // From now on the assistant's own messages (announcements, DMs) also go out in Slack.
      if (!unregister) {
        const stopDelivery = ctx.messenger.register(createSlackDelivery(ctx.db, app.client, config.handoffGroup));
        const stopNames = ctx.people.register(slackNameSource(app.client));
        unregister = () => {
          stopDelivery();
          stopNames();
        };
      }
    },
    stop: async () => {
      unregister?.();
      unregister = undefined;
      if (config.mode === 'socket') await app.stop();
    },
  };
}
