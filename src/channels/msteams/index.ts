import type express from 'express';
import type { Context } from '../../assistant/context.ts';
import { ConfigError, type MsTeamsConfig } from '../../lib/config.ts';
import { channelMount, isLoopback } from '../web/server.ts';
import { createMsTeamsChannel, type MsTeamsChannel, type MsTeamsOptions } from './app.ts';

export { createMsTeamsChannel, type MsTeamsChannel, type MsTeamsOptions };

export interface RunningMsTeams {
  channel: MsTeamsChannel;
  stop(): Promise<void>;
}

/**
 * Without an app id nobody is authenticated: that is only acceptable for the Bot Framework Emulator
 * on this machine. Returns the Dutch reason to refuse, or undefined.
 */
export function msTeamsExposureProblem(host: string, config: MsTeamsConfig | undefined): string | undefined {
  if (!config || config.appId || isLoopback(host)) return undefined;
  return `Teams zonder MICROSOFT_APP_ID kan alleen op deze computer (voor de Bot Framework Emulator). Zet MICROSOFT_APP_ID en het geheim, of gebruik HOST=127.0.0.1.`;
}

/**
 * Starts Teams when it is configured, else does nothing: /api/messages on the web server's app (one
 * process, one port) and the messenger's delivery for Teams.
 */
export async function startMsTeams(ctx: Context, web: express.Express, options?: MsTeamsOptions): Promise<RunningMsTeams | undefined> {
  const config = ctx.config.msTeams;
  if (!config) return undefined;
  const problem = msTeamsExposureProblem(ctx.config.host, config);
  if (problem) throw new ConfigError(problem);
  const channel = createMsTeamsChannel(ctx, config, options);
  const mount = channelMount(web);
  mount.use(channel.router);
  const unregister = ctx.messenger.register(channel.delivery);
  ctx.logger.info({ authenticated: Boolean(config.appId), appType: config.appType }, 'msteams started');
  return {
    channel,
    stop: async () => {
      unregister();
      // An express router cannot be unmounted; without its routes it answers nothing any more.
      channel.router.stack.length = 0;
      await channel.settled();
    },
  };
}
