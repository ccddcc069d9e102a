import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from '../src/assistant/context.ts';
import { createSlackChannel } from '../src/channels/slack/index.ts';
import { channelMount, createWebApp, startWebServer } from '../src/channels/web/server.ts';
import { ingestFiles } from '../src/knowledge/ingest-files.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../test/slack/support/fake-slack.ts';

const knowledge = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'knowledge');

/** The bundled knowledge indexed, and the web server with the Slack channel mounted, talking to the Web API at `apiUrl`. */
export async function serveKnowledgeWithSlack(ctx: Context, apiUrl: string): Promise<Awaited<ReturnType<typeof startWebServer>>> {
  await ingestFiles(ctx, { paths: [knowledge] });
  const web = createWebApp(ctx);
  const slack = createSlackChannel(ctx, { mode: 'http', signingSecret: SIGNING_SECRET, botToken: BOT_TOKEN, apiUrl });
  channelMount(web).use(slack.router!);
  return startWebServer(ctx, web);
}
