/** The web server with the Teams channel mounted on it, as `wijkwijs serve` runs them. */
import type { Context } from '../../../src/assistant/context.ts';
import { startMsTeams } from '../../../src/channels/msteams/index.ts';
import { createWebApp, startWebServer } from '../../../src/channels/web/server.ts';

export interface ServedMsTeams {
  url: string;
  /** Resolves once every answer the channel started has been sent. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function serveMsTeams(ctx: Context): Promise<ServedMsTeams> {
  const web = createWebApp(ctx);
  const msTeams = await startMsTeams(ctx, web);
  if (!msTeams) throw new Error('Teams staat niet aan: zet MICROSOFT_TEAMS_EMULATOR=true of een app-id.');
  const server = await startWebServer(ctx, web);
  return {
    url: server.url,
    settled: () => msTeams.channel.settled(),
    close: async () => {
      await msTeams.stop();
      await server.close();
    },
  };
}
