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

export class StandInConnector {
  readonly calls: Recorded[] = [];
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
        return send(201, { id });
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  clear(): void {
    this.calls.length = 0;
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
