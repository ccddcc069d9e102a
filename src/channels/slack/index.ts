import type express from 'express';
import type { Context } from '../../assistant/context.ts';
import { channelMount } from '../web/server.ts';
import { createSlackChannel, type SlackChannel, type SlackOptions } from './app.ts';

export { createSlackChannel, type SlackChannel, type SlackOptions };

/**
 * Starts Slack when it is configured, else does nothing. HTTP mode mounts /slack/events on the web
 * server's app (one process, one port); Socket Mode connects out and needs no public address.
 */
export async function startSlack(ctx: Context, web: express.Express, options?: SlackOptions): Promise<SlackChannel | undefined> {
  const config = ctx.config.slack;
  if (!config) return undefined;
  const slack = createSlackChannel(ctx, config, options);
  // Ahead of the web chat's host check and token: Slack's requests carry their own signature.
  if (slack.router) channelMount(web).use(slack.router);
  await slack.start();
  ctx.logger.info({ mode: config.mode }, 'slack started');
  return slack;
}
