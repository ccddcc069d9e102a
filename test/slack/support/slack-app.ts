/**
 * A Wijkwijs with Slack in HTTP mode for the tests of the surrounding describe block (or file): the
 * Web API stand-in, the web server with /slack/events, and a driver for signed commands, clicks and
 * modal submits. The getters give them once the beforeAll ran.
 */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startSlack } from '../../../src/channels/slack/index.ts';
import { createWebApp, startWebServer, type RunningServer } from '../../../src/channels/web/server.ts';
import { ingestFiles } from '../../../src/knowledge/ingest-files.ts';
import type { Clock } from '../../../src/lib/clock.ts';
import { ensureMember } from '../../../src/teams/membership.ts';
import { createTestContext, LogCapture, repoRoot, type TestContext } from '../../support/context.ts';
import { recordReplies } from '../../support/raw-ids.ts';
import { BOT_TOKEN, SIGNING_SECRET, startFakeSlack, WORKSPACE, type FakeSlack } from './fake-slack.ts';
import { createDriver } from './flow-helpers.ts';

export const sid = (user: string) => `slack:${WORKSPACE}:${user}`;
/** The DM the stand-in opens with a user (D + the user id without its U). */
export const dm = (user: string) => `D${user.replace(/^U/, '')}`;

export function slackAppFor(options: { clock?: Clock; env?: Record<string, string>; ingest?: boolean; logs?: LogCapture } = {}) {
  let ctx: TestContext | undefined;
  let api: FakeSlack | undefined;
  let server: RunningServer | undefined;
  let driver: ReturnType<typeof createDriver> | undefined;
  let said: ReturnType<typeof recordReplies> = [];
  beforeAll(async () => {
    api = await startFakeSlack();
    ctx = await createTestContext({ PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, ...options.env }, options.logs, options.clock);
    said = recordReplies(ctx);
    if (options.ingest) await ingestFiles(ctx, { paths: [path.join(repoRoot, 'knowledge')] });
    const web = createWebApp(ctx);
    await startSlack(ctx, web);
    server = await startWebServer(ctx, web);
    driver = createDriver(api, () => server!.url);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await ctx?.close();
    await api?.close();
  });
  /** `said`: every reply and message of the features, for `expectNoRawIds`. */
  return { ctx: () => ctx!, api: () => api!, slack: () => driver!, url: () => server!.url, said: () => said };
}

/** Slack users with the names users.info gives for them, as members of `teamId` (role member unless given). */
export async function slackTeam(app: ReturnType<typeof slackAppFor>, teamId: string, people: [user: string, name: string, role?: 'lead' | 'admin'][]): Promise<void> {
  for (const [user, name, role] of people) {
    app.api().names.set(user, name);
    await ensureMember(app.ctx().db.prisma, { teamId, userId: sid(user), role });
  }
}
