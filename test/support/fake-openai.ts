import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.ts';

/** An HTTP error status, or 'hang': never answer (the client's timeout has to end it). */
type Failure = number | 'hang';

/**
 * A local stand-in for an OpenAI-compatible endpoint speaking the real wire format of
 * POST /v1/chat/completions (one JSON answer, or with `stream: true` server-sent events: `data:`
 * lines with chat.completion.chunk deltas and a closing `data: [DONE]`) and POST /v1/embeddings.
 * Tests choose how it behaves and read what it got.
 */
export interface FakeOpenAI {
  url: string;
  requests: { path: string; body: any; authorization?: string }[];
  /** What the chat model answers next: a text, a text made from the request, or a failure. */
  chatReply: string | ((request: ChatRequest) => string) | Failure;
  /** How long the chat model takes before it answers, like a model under load. */
  chatDelayMs: number;
  /** When streaming: the pause between two chunks, like a model writing. */
  chunkDelayMs: number;
  /** When streaming: how the answer is cut into chunks (by default a few characters each, mid-word). */
  chunk: (answer: string) => string[];
  /** When streaming: the time the last chunk went out, per request. */
  streamsEndedAt: number[];
  /** How the embedding model answers: with `embed`'s vectors ('ok') or a failure. */
  embeddingReply: 'ok' | Failure;
  /** How long the embedding model thinks before it answers. */
  embeddingDelayMs: number;
  /** The vector of one input text. */
  embed: (text: string, dimensions: number) => number[];
  close(): Promise<void>;
}

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const fake: FakeOpenAI = {
    url: '',
    requests: [],
    chatReply: 'Antwoord [1].',
    chatDelayMs: 0,
    chunkDelayMs: 0,
    chunk: (answer) => answer.match(/[\s\S]{1,7}/g) ?? [],
    streamsEndedAt: [],
    embeddingReply: 'ok',
    embeddingDelayMs: 0,
    embed: pseudoEmbedding,
    close: async () => undefined,
  };
  const server: Server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)) || '{}');
    fake.requests.push({ path: req.url ?? '', body, authorization: req.headers.authorization });
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    const fail = (failure: Failure) => {
      if (failure !== 'hang') send(failure, { error: { message: 'stand-in failure', type: 'server_error' } });
    };
    if (req.url?.endsWith('/chat/completions')) {
      const reply = fake.chatReply;
      if (reply === 'hang' || typeof reply === 'number') return fail(reply);
      if (fake.chatDelayMs) await new Promise((resolve) => setTimeout(resolve, fake.chatDelayMs));
      const content = typeof reply === 'function' ? reply(body) : reply;
      if (body.stream === true) return streamChat(res, body, content);
      return send(200, {
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      });
    }
    if (req.url?.endsWith('/embeddings')) {
      if (fake.embeddingReply !== 'ok') return fail(fake.embeddingReply);
      if (fake.embeddingDelayMs) await new Promise((resolve) => setTimeout(resolve, fake.embeddingDelayMs));
      const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
      const dims = body.dimensions ?? 8;
      return send(200, {
        object: 'list',
        model: body.model,
        data: inputs.map((text, index) => {
          const vector = fake.embed(String(text), dims);
          // Like the real API: base64 of little-endian float32 when the client asks for it (the SDK does).
          const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
          return { object: 'embedding', index, embedding };
        }),
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
    send(404, { error: { message: 'not found' } });
  });
  /** Server-sent events as the API streams them: a role delta, content deltas, a stop, usage when asked, [DONE]. */
  async function streamChat(res: ServerResponse, body: any, content: string): Promise<void> {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const created = Math.floor(Date.now() / 1000);
    const event = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      res.write(`data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created, model: body.model, choices, ...extra })}\n\n`);
    event([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
    for (const piece of fake.chunk(content)) {
      if (fake.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, fake.chunkDelayMs));
      if (res.destroyed) return;
      event([{ index: 0, delta: { content: piece }, finish_reason: null }]);
    }
    event([{ index: 0, delta: {}, finish_reason: 'stop' }]);
    if (body.stream_options?.include_usage) event([], { usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } });
    fake.streamsEndedAt.push(Date.now());
    res.end('data: [DONE]\n\n');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** The number a chat request gave the first passage containing `needle`, for a model reply that cites it. */
export function passageNumber(request: ChatRequest, needle: string): number {
  const block = request.messages.at(-1)!.content.split(/\n(?=\[\d+\] )/).find((b) => b.includes(needle));
  if (!block) throw new Error(`no passage with "${needle}" was sent to the model`);
  return Number(block.match(/^\[(\d+)\]/m)![1]);
}

/** A model answer grounded in the handbook's passage on the six weeks to explore a request for help, as two sentences. */
export function sixWeeksAnswer(extra = '') {
  return (request: ChatRequest): string => {
    const n = passageNumber(request, 'zes weken de tijd heeft');
    return `De wijkcoach heeft zes weken de tijd om de hulpvraag te verkennen [${n}]. ${extra}In die zes weken verken je breed en breng je het netwerk in kaart [${n}].`;
  };
}

/** Deterministic vectors from character codes: similar texts get similar vectors, enough for a test. */
function pseudoEmbedding(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  for (let i = 0; i < text.length; i++) v[i % dims]! += text.charCodeAt(i) / 1000;
  return normalised(v);
}

/**
 * Vectors that carry meaning the way a language model's do, for words a test chooses: each group of
 * words is one direction, so two texts naming the same concept in different words lie close. Every
 * other word adds a little noise in a direction of its own.
 */
export function conceptEmbedding(groups: string[][]): (text: string, dims: number) => number[] {
  const groupOf = new Map(groups.flatMap((words, g) => words.map((w) => [w, g] as const)));
  return (text, dims) => {
    const v = new Array<number>(dims).fill(0);
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
      const g = groupOf.get(word);
      if (g !== undefined) v[g]! += 1;
      else v[groups.length + (hash(word) % (dims - groups.length))]! += 0.1;
    }
    return normalised(v);
  };
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function normalised(v: number[]): number[] {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}
