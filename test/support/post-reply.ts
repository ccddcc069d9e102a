import { afterAll, beforeAll } from 'vitest';
import type { Context } from '../../src/assistant/context.ts';
import type { Reply } from '../../src/assistant/reply.ts';
import { startWebServer, type RunningServer } from '../../src/channels/web/server.ts';

/** POSTs JSON to the web chat API and returns the Reply; anything but a 200 fails with the server's answer. */
export async function postReply(baseUrl: string, path: string, body: unknown): Promise<Reply> {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (response.status !== 200) throw new Error(`${response.status}: ${JSON.stringify(json)}`);
  return json as Reply;
}

/**
 * Starts the web server for the tests of the surrounding describe block (on the context `ctx()`
 * gives once the file's beforeAll ran): its address, and a poster to it.
 */
export function webServerFor(ctx: () => Context): { url: () => string; post: (path: string, body: unknown) => Promise<Reply> } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startWebServer(ctx());
  });
  afterAll(async () => {
    await server?.close();
  });
  return { url: () => server!.url, post: (path, body) => postReply(server!.url, path, body) };
}
