/** The web server with the Teams channel mounted on it, as `wijkwijs serve` runs them. */
import { afterAll, beforeAll } from 'vitest';
import type { Context } from '../../../src/assistant/context.ts';
import { startMsTeams } from '../../../src/channels/msteams/index.ts';
import { createWebApp, startWebServer } from '../../../src/channels/web/server.ts';
import type { Clock } from '../../../src/lib/clock.ts';
import { createTestContext, LogCapture, type TestContext } from '../../support/context.ts';
import { StandInConnector } from './connector.ts';
import { teamsClient, type Person } from './teams-client.ts';

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

/**
 * A Wijkwijs with Teams (Emulator mode) for the tests of the surrounding describe block: the
 * connector stand-in knowing `roster`, the served app and a Teams client; getters after beforeAll.
 */
export function msTeamsAppFor(options: { clock?: Clock; env?: Record<string, string>; roster?: Person[] } = {}) {
  const connector = new StandInConnector();
  let ctx: TestContext | undefined;
  let served: ServedMsTeams | undefined;
  beforeAll(async () => {
    await connector.start();
    ctx = await createTestContext({ PORT: '0', MICROSOFT_TEAMS_EMULATOR: 'true', ...options.env }, new LogCapture(), options.clock);
    served = await serveMsTeams(ctx);
    connector.roster.push(...(options.roster ?? []));
  }, 60_000);
  afterAll(async () => {
    await served?.close();
    await ctx?.close();
    await connector.close();
  });
  return { connector, ctx: () => ctx!, teams: teamsClient(connector, () => served!, () => ctx!) };
}
