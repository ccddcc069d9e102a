import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.ts';

/**
 * A local stand-in for an OpenAI-compatible endpoint speaking the real wire format of
 * POST /v1/chat/completions and POST /v1/embeddings. Tests choose how it behaves and read what it got.
 */
export interface FakeOpenAI {
  url: string;
  requests: { path: string; body: any; authorization?: string }[];
  /** What the chat model answers next; a number is an HTTP error status; 'hang' never answers. */
  chatReply: string | number | 'hang';
  /** How long the chat model takes before it answers, like a model under load. */
  chatDelayMs: number;
  close(): Promise<void>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = { url: '', requests: [], chatReply: 'Antwoord [1].', chatDelayMs: 0, close: async () => undefined };
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}');
    fake.requests.push({ path: req.url ?? '', body, authorization: req.headers.authorization });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    if (req.url?.endsWith('/chat/completions')) {
      const reply = fake.chatReply;
      if (reply === 'hang') return; // the client's timeout has to end this
      if (fake.chatDelayMs) await new Promise((resolve) => setTimeout(resolve, fake.chatDelayMs));
      if (typeof reply === 'number') return send(reply, { error: { message: 'stand-in failure', type: 'server_error' } });
      return send(200, {
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
    }
    if (req.url?.endsWith('/embeddings')) {
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const dims = body.dimensions ?? 8;
      return send(200, {
        object: 'list',
        model: body.model,
        data: inputs.map((text, index) => {
          const vector = pseudoEmbedding(String(text), dims);
          // Like the real API: base64 of little-endian float32 when the client asks for it (the SDK does).
          const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
          return { object: 'embedding', index, embedding };
        }),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
    send(404, { error: { message: 'not found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** Deterministic vectors from character codes: similar texts get similar vectors, enough for a test. */
function pseudoEmbedding(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (let i = 0; i < text.length; i++) v[i % dims]! += text.charCodeAt(i) / 1000;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}
