import type { Reply } from '../../src/assistant/reply.ts';

/** POSTs JSON to the web chat API and returns the Reply; anything but a 200 fails with the server's answer. */
export async function postReply(baseUrl: string, path: string, body: unknown): Promise<Reply> {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (response.status !== 200) throw new Error(`${response.status}: ${JSON.stringify(json)}`);
  return json as Reply;
}
