/**
 * A local stand-in for the Bot Framework connector (Teams' side of the REST API): it records what the
 * bot posts and answers with the real shapes. It also serves OpenID metadata and the JWKS for a local
 * RSA key, and signs channel tokens with it, so authenticated requests can be tested offline.
 */
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  /** Decoded conversation id from the path. */
  conversationId?: string;
  /** Decoded activity id from the path (reply or update). */
  activityId?: string;
  authorization?: string;
  body: any;
  /** The id the stand-in gave the posted activity. */
  responseId?: string;
}

/** A streamed reply as Teams keeps it: its updates in order, and whether the final message closed it. */
export interface RecordedStream {
  conversationId: string;
  updates: { streamType: string; streamSequence?: number; text: string }[];
  final?: any;
}

export class StandInConnector {
  readonly calls: Recorded[] = [];
  /** Streams by their id (the id given to the first update). */
  readonly streams = new Map<string, RecordedStream>();
  /** Answers POST /v3/conversations with 403, as Teams does when a tenant forbids the bot to start chats. */
  refuseNewConversations = false;
  /** The people GET /v3/conversations/{id}/members/{member} knows, by their 29: id or AAD object id. */
  readonly roster: { id: string; name: string; aadObjectId: string }[] = [];
  private server!: Server;
  private counter = 0;
  url = '';
  private readonly privateKey: KeyObject;
  private readonly jwk: Record<string, unknown>;
  readonly kid = 'wijkwijs-test-key';

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }));
    this.jwk = { ...publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', endorsements: ['msteams'] };
  }

  get openIdUrl(): string {
    return `${this.url}/openid`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString();
        const path = (req.url ?? '').split('?')[0]!;
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        if (req.method === 'GET' && path === '/openid') return send(200, { issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/jwks` });
        if (req.method === 'GET' && path === '/jwks') return send(200, { keys: [this.jwk] });
        const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
        if (req.method === 'GET' && member) {
          const wanted = decodeURIComponent(member[2]!);
          this.calls.push({ method: 'GET', path, conversationId: decodeURIComponent(member[1]!), authorization: req.headers.authorization, body: undefined });
          const found = this.roster.find((p) => p.id === wanted || p.aadObjectId === wanted);
          // A TeamsChannelAccount, as Teams answers; a stranger is a 404 MemberNotFoundInConversation.
          if (!found) return send(404, { error: { code: 'MemberNotFoundInConversation', message: 'The member could not be found.' } });
          return send(200, { id: found.id, name: found.name, aadObjectId: found.aadObjectId, objectId: found.aadObjectId, givenName: found.name.split(' ')[0], userRole: 'user', tenantId: 'tenant-1' });
        }
        const m = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(path);
        if (!m) return send(404, { error: { code: 'NotFound' } });
        const body = raw ? JSON.parse(raw) : undefined;
        const conversationId = m[1] ? decodeURIComponent(m[1]) : undefined;
        const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
        const id = `act-${++this.counter}`;
        this.calls.push({ method: req.method!, path, conversationId, activityId, authorization: req.headers.authorization, body, responseId: id });
        if (!conversationId && this.refuseNewConversations) return send(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
        if (!conversationId) return send(201, { id: `19:new-${this.counter}@thread.tacv2`, activityId: id, serviceUrl: this.url });
        if (req.method === 'PUT') return send(200, { id: activityId });
        const streamInfo = (body?.entities ?? []).find((e: any) => e?.type === 'streaminfo');
        if (streamInfo) return this.stream(conversationId, id, body, streamInfo, send);
        return send(201, { id });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /**
   * Teams' rules for streaming: only in a personal chat; the first update opens a stream whose id is
   * the activity id; every update repeats the text before it; the final message (a message with
   * streamType final) closes it, after which nothing more may be sent to it.
   */
  private stream(conversationId: string, id: string, body: any, info: any, send: (status: number, body: unknown) => void): void {
    const refuse = (status: number, message: string) => send(status, { error: { code: 'ContentStreamNotAllowed', message } });
    if (!conversationId.startsWith('a:')) return refuse(403, 'Content stream is not allowed in this conversation type.');
    if (!info.streamId) {
      if (body.type !== 'typing') return refuse(400, 'A stream starts with a typing activity.');
      this.streams.set(id, { conversationId, updates: [{ streamType: info.streamType, streamSequence: info.streamSequence, text: body.text ?? '' }] });
      return send(201, { id });
    }
    const stream = this.streams.get(info.streamId);
    if (!stream || stream.final) return refuse(400, 'Content stream was not found or has ended.');
    if (info.streamType === 'final') {
      if (body.type !== 'message') return refuse(400, 'The final stream message must be a message.');
      stream.final = body;
      return send(201, { id: info.streamId });
    }
    const last = [...stream.updates].reverse().find((u) => u.streamType === 'streaming');
    if (info.streamType === 'streaming' && last && !(body.text ?? '').startsWith(last.text)) return refuse(400, 'A streaming update must repeat the text streamed before.');
    const sequence = stream.updates.at(-1)?.streamSequence ?? 0;
    if (typeof info.streamSequence !== 'number' || info.streamSequence <= sequence) return refuse(400, 'streamSequence must increase.');
    stream.updates.push({ streamType: info.streamType, streamSequence: info.streamSequence, text: body.text ?? '' });
    return send(201, { id: info.streamId });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  clear(): void {
    this.calls.length = 0;
    this.streams.clear();
  }

  /** Messages (not typing) posted since the last clear. */
  messages(): Recorded[] {
    return this.calls.filter((c) => c.body?.type === 'message');
  }

  /**
   * A channel token as Bot Framework signs it: issuer, audience = app id, serviceurl claim. `forge`
   * makes the forgeries an attacker would try: signed with a key of their own under our key id, or
   * `alg: none` without a signature.
   */
  token(appId: string, serviceUrl: string, overrides: Record<string, unknown> = {}, forge?: 'other-key' | 'alg-none'): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: forge === 'alg-none' ? 'none' : 'RS256', typ: 'JWT', kid: this.kid };
    const payload = { iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 600, ...overrides };
    const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${encode(header)}.${encode(payload)}`;
    if (forge === 'alg-none') return `${unsigned}.`;
    const key = forge === 'other-key' ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : this.privateKey;
    return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
  }
}

let sequence = 0;

/** A Teams activity with the usual fields, addressed to the bot. */
export function activity(serviceUrl: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `in-${++sequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: '29:user-1', name: 'Sanne de Vries', aadObjectId: 'aad-1' },
    recipient: { id: '28:wijkwijs-bot', name: 'Wijkwijs' },
    conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'nl-NL',
    ...fields,
  };
}

export const BOT = { id: '28:wijkwijs-bot', name: 'Wijkwijs' };
