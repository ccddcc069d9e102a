import { createHash, createHmac } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../support/read-body.ts';

/**
 * A local stand-in for Slack's Web API at SLACK_API_URL. It speaks the real wire format: methods are
 * POST /api/<method> with a bearer token and a form-encoded body (objects such as `blocks` as JSON
 * strings, as @slack/web-api sends them), and answers `{ ok: true, ... }` like Slack does.
 */
export interface SlackCall {
  method: string;
  args: Record<string, any>;
  at: number;
  /** What the stand-in answered (e.g. the ts of a posted message). */
  result?: Record<string, any>;
}

export interface FakeSlack {
  /** Base URL ending in /api/, for SLACK_API_URL. */
  apiUrl: string;
  /** A response_url served by the stand-in. */
  responseUrl: string;
  calls: SlackCall[];
  /** Channels conversations.info reports as shared with another organisation. */
  externalChannels: Set<string>;
  /** Display names users.info reports, by Slack user id; anyone else is "Collega <id>". */
  names: Map<string, string>;
  /** Messages being streamed (chat.startStream … chat.stopStream) by their ts, with the text so far. */
  streams: Map<string, { channel: string; text: string; state: 'streaming' | 'stopped' }>;
  /**
   * Makes the next `times` calls to `method` fail as Slack does: HTTP 429 with Retry-After (rate
   * limited), another HTTP status (Slack having trouble), or `{ ok: false, error }`.
   */
  fail(method: string, failure: { times: number; status?: number; retryAfterSeconds?: number; error?: string }): void;
  callsTo(method: string): SlackCall[];
  /** Socket Mode: sends an envelope to every connected app; resolves when the app acknowledged it. */
  sendEnvelope(type: 'events_api' | 'interactive' | 'slash_commands', payload: unknown): Promise<{ ackedAfterMs: number }>;
  waitFor(predicate: (calls: SlackCall[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves with the first call matching, waiting for it to arrive. */
  next(method: string, match?: (args: Record<string, any>) => boolean, timeoutMs?: number): Promise<SlackCall>;
  close(): Promise<void>;
}

export const BOT_TOKEN = 'xoxb-test-token';
export const APP_TOKEN = 'xapp-test-token';
export const BOT_USER = 'UBOTWIJK';
export const WORKSPACE = 'T0WIJK';

export async function startFakeSlack(): Promise<FakeSlack> {
  let seq = 0;
  const calls: SlackCall[] = [];
  const externalChannels = new Set<string>();
  const names = new Map<string, string>();
  const streams: FakeSlack['streams'] = new Map();
  const failures = new Map<string, { times: number; status?: number; retryAfterSeconds?: number; error?: string }>();
  const waiters = new Set<() => void>();
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;

  const answer = (method: string, args: Record<string, any>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://wijkteam.slack.com/', team: 'Wijkteam', user: 'wijkwijs', team_id: WORKSPACE, user_id: BOT_USER, bot_id: 'BWIJK' };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: nextTs(), message: { type: 'message', text: args.text, user: BOT_USER, bot_id: 'BWIJK' } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      // Chat streaming: a thread is required, and outside a DM the user and workspace it streams to.
      case 'chat.startStream': {
        if (!args.thread_ts) return { ok: false, error: 'invalid_arguments' };
        if (!String(args.channel).startsWith('D') && (!args.recipient_user_id || !args.recipient_team_id)) return { ok: false, error: 'missing_recipient_user_id' };
        const ts = nextTs();
        streams.set(ts, { channel: args.channel, text: streamedText(args), state: 'streaming' });
        return { ok: true, channel: args.channel, ts };
      }
      case 'chat.appendStream':
      case 'chat.stopStream': {
        const stream = streams.get(args.ts);
        if (!stream || stream.state !== 'streaming' || stream.channel !== args.channel) return { ok: false, error: 'message_not_in_streaming_state' };
        stream.text += streamedText(args);
        if (method === 'chat.stopStream') stream.state = 'stopped';
        return { ok: true, channel: args.channel, ts: args.ts };
      }
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return args.channel_id && (method !== 'assistant.threads.setStatus' || args.thread_ts) ? { ok: true } : { ok: false, error: 'invalid_arguments' };
      case 'chat.delete':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${++seq}`, ...(typeof args.view === 'object' ? args.view : {}) } };
      case 'conversations.open': {
        // A DM with one user has its own D… id, as in Slack.
        const user = String(args.users ?? '').split(',')[0] ?? '';
        return { ok: true, channel: { id: `D${user.replace(/^[UW]/, '')}` } };
      }
      case 'users.info': {
        const name = names.get(args.user) ?? `Collega ${args.user}`;
        return {
          ok: true,
          user: { id: args.user, team_id: WORKSPACE, name: String(args.user).toLowerCase(), real_name: name, is_bot: args.user === BOT_USER, profile: { display_name: name, real_name: name } },
        };
      }
      case 'conversations.info':
        return { ok: true, channel: { id: args.channel, is_channel: true, is_ext_shared: externalChannels.has(args.channel), is_member: true } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
    const send = (payload: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
    };
    if (req.url?.startsWith('/respond/')) {
      // A response_url: no token, JSON body, plain "ok" back.
      calls.push({ method: 'response_url', args: JSON.parse(raw || '{}'), at: Date.now() });
      for (const wake of waiters) wake();
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('ok');
    }
    if (method === 'apps.connections.open') {
      // Socket Mode's handshake is the one call made with the app-level token.
      if (req.headers.authorization !== `Bearer ${APP_TOKEN}`) return send({ ok: false, error: 'invalid_auth' });
      calls.push({ method, args: {}, at: Date.now() });
      return send({ ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=test` });
    }
    if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) return send({ ok: false, error: 'invalid_auth' });
    const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times--;
      calls.push({ method, args, at: Date.now(), result: { ok: false, failed: failure } });
      for (const wake of waiters) wake();
      if (failure.error) return send({ ok: false, error: failure.error });
      const status = failure.status ?? 429;
      res.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': String(failure.retryAfterSeconds ?? 30) } : {}) });
      return res.end(JSON.stringify({ ok: false, error: status === 429 ? 'ratelimited' : 'service_unavailable' }));
    }
    const call: SlackCall = { method, args, at: Date.now(), result: answer(method, args) };
    calls.push(call);
    for (const wake of waiters) wake();
    send(call.result);
  });
  // ---- Socket Mode: a minimal WebSocket server (RFC 6455 text frames) speaking Slack's envelopes ----
  const sockets = new Set<Duplex>();
  const pendingAcks = new Map<string, (at: number) => void>();
  server.on('upgrade', (req, socket: Duplex) => {
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    sockets.add(socket);
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (let frame = readFrame(buffer); frame; frame = readFrame(buffer)) {
        buffer = buffer.subarray(frame.length);
        if (frame.opcode === 8) {
          socket.end(encodeFrame(Buffer.alloc(0), 8));
          sockets.delete(socket);
        } else if (frame.opcode === 9) {
          socket.write(encodeFrame(frame.payload, 10));
        } else if (frame.opcode === 1) {
          const message = JSON.parse(frame.payload.toString('utf8'));
          calls.push({ method: 'socket.ack', args: message, at: Date.now() });
          pendingAcks.get(message.envelope_id)?.(Date.now());
          for (const wake of waiters) wake();
        }
      }
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => sockets.delete(socket));
    socket.write(encodeFrame(Buffer.from(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0WIJKWIJS' } }))));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let envelopes = 0;

  const waitFor = (predicate: (c: SlackCall[]) => boolean, timeoutMs = 5000) =>
    new Promise<void>((resolve, reject) => {
      if (predicate(calls)) return resolve();
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`stand-in: waited ${timeoutMs} ms; calls were ${calls.map((c) => c.method).join(', ')}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate(calls)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
    });

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/respond/1`,
    calls,
    externalChannels,
    names,
    streams,
    fail: (method, failure) => void failures.set(method, { ...failure }),
    callsTo: (method) => calls.filter((c) => c.method === method),
    sendEnvelope(type, payload) {
      const id = `envelope-${++envelopes}`;
      const sent = Date.now();
      const acked = new Promise<{ ackedAfterMs: number }>((resolve) => pendingAcks.set(id, (at) => resolve({ ackedAfterMs: at - sent })));
      const frame = encodeFrame(Buffer.from(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' })));
      for (const socket of sockets) socket.write(frame);
      return acked;
    },
    waitFor,
    async next(method, match = () => true, timeoutMs = 5000) {
      const find = () => calls.find((c) => c.method === method && match(c.args));
      await waitFor(() => find() !== undefined, timeoutMs);
      return find()!;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One frame from the buffer, unmasking what a client sends; undefined until it is complete. */
function readFrame(buffer: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (buffer.length < 2) return undefined;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= buffer[maskOffset + (i % 4)]!;
  return { opcode, payload, length: offset + length };
}

/** A server frame: final, unmasked. */
function encodeFrame(payload: Buffer, opcode = 1): Buffer {
  const head =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, payload.length])
      : payload.length < 65536
        ? Buffer.from([0x80 | opcode, 126, payload.length >> 8, payload.length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), (() => { const b = Buffer.alloc(8); b.writeBigUInt64BE(BigInt(payload.length)); return b; })()]);
  return Buffer.concat([head, payload]);
}

/** The text a streaming call adds: `markdown_text`, or its markdown_text chunks. */
function streamedText(args: Record<string, any>): string {
  if (typeof args.markdown_text === 'string') return args.markdown_text;
  return ((args.chunks ?? []) as { type: string; text?: string }[]).filter((c) => c.type === 'markdown_text').map((c) => c.text ?? '').join('');
}

function parseArgs(raw: string, contentType: string): Record<string, any> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}');
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // @slack/web-api JSON-encodes arrays and objects (blocks, view) inside the form.
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// ---- Signed requests, as Slack sends them ----

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** Slack's v0 signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>` with the signing secret. */
export function signedHeaders(body: string, options: { secret?: string; timestamp?: number; contentType?: string } = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', options.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': options.contentType ?? 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}

let eventSeq = 0;

/** An Events API envelope (event_callback) around one event. */
export function eventCallback(event: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  eventSeq++;
  return {
    token: 'legacy-verification-token',
    team_id: WORKSPACE,
    api_app_id: 'A0WIJKWIJS',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: `Ev${Date.now().toString(36).toUpperCase()}${eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: WORKSPACE, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-eyJldCI6ImFwcF9tZW50aW9uIn0-${eventSeq}`,
    ...extra,
  };
}

let tsSeq = 0;
export function messageTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(100000 + ++tsSeq)}`;
}

export async function postEvent(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`${url}/slack/events`, { method: 'POST', headers: { ...signedHeaders(body), ...headers }, body });
}

/** A slash command: form-encoded, as Slack posts it. */
export async function postCommand(url: string, fields: Record<string, string>): Promise<Response> {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: WORKSPACE,
    team_domain: 'wijkteam',
    channel_name: 'algemeen',
    user_name: 'coach',
    api_app_id: 'A0WIJKWIJS',
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.com/commands/T0WIJK/1/abc',
    trigger_id: `${Date.now()}.trigger`,
    ...fields,
  }).toString();
  return fetch(`${url}/slack/events`, { method: 'POST', headers: signedHeaders(body, { contentType: 'application/x-www-form-urlencoded' }), body });
}

/** An interactive payload (block_actions, view_submission): form field `payload` with JSON. */
export async function postInteraction(url: string, payload: unknown): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return fetch(`${url}/slack/events`, { method: 'POST', headers: signedHeaders(body, { contentType: 'application/x-www-form-urlencoded' }), body });
}

/** The body of a view_submission for a modal the app opened, with the inputs' state as Slack sends it. */
export function viewSubmissionPayload(user: string, view: Record<string, unknown>, state: Record<string, Record<string, unknown>>) {
  return {
    type: 'view_submission',
    team: { id: WORKSPACE, domain: 'wijkteam' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: WORKSPACE },
    api_app_id: 'A0WIJKWIJS',
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.trigger`,
    view: { id: 'V1', team_id: WORKSPACE, type: 'modal', ...view, state: { values: state }, hash: '1.abc', root_view_id: 'V1', app_id: 'A0WIJKWIJS', bot_id: 'BWIJK' },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}
