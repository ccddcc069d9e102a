import { timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { handleTurn } from '../../assistant/handle-turn.ts';
import { calendarRoutes } from '../../consultations/calendar/routes.ts';
import type { Turn } from '../../assistant/reply.ts';
import type { Context } from '../../assistant/context.ts';
import { ConfigError } from '../../lib/config.ts';
import { listNotifications } from '../../notifications/list-notifications.ts';
import { isMember } from '../../teams/membership.ts';
import { CONTROL_CHARACTER_TEXT, hasControlCharacters } from '../../lib/control-characters.ts';
import { toWijkwijsError, WijkwijsError } from '../../lib/errors.ts';
import { channelGuard, RATE_LIMITED_TEXT } from '../shared/guard.ts';
import { DatabaseHealth } from './database-health.ts';

/** The single user of the local web chat; with a token, everyone holding it shares this identity. */
export const WEB_USER_ID = 'web:local';

const chatBody = z.object({
  text: z.string(),
  conversationId: z.string().max(100).optional(),
});

const feedbackBody = z.object({
  answerId: z.string().min(1).max(100),
  rating: z.enum(['up', 'down']),
  comment: z.string().max(2000).optional(),
  conversationId: z.string().max(100).optional(),
});

/** A button or form submit from a Reply: the action's id, its value and, for a form, the fields by name. */
const actionBody = z.object({
  actionId: z.string().min(1).max(100),
  value: z.string().max(2000).optional(),
  fields: z.record(z.string().max(100), z.string().max(20_000)).optional(),
  comment: z.string().max(2000).optional(),
  conversationId: z.string().max(100).optional(),
  /** The team of the message with the button (a team notification); honoured only for its members. */
  teamId: z.string().max(100).optional(),
});

const notificationsQuery = z.object({ since: z.iso.datetime({ offset: true }).optional() });

const publicDir = fileURLToPath(new URL('./public/', import.meta.url));

export function createWebApp(ctx: Context): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    next();
  });

  // Channel adapters with their own authentication (Teams' /api/messages) mount here when they
  // start: ahead of the web API's token check and its 404.
  const channels = express.Router();
  app.use(channels);
  app.locals.channels = channels;
  app.use(requireKnownHost(ctx.config.publicUrl));

  const database = new DatabaseHealth(() => ctx.db.sql.query('SELECT 1'));
  app.get('/healthz', async (_req, res) => {
    if (await database.healthy()) res.json({ status: 'ok', database: ctx.db.kind });
    else res.status(503).json({ status: 'unavailable', database: ctx.db.kind });
  });

  app.use(express.static(publicDir, { index: 'index.html', maxAge: 0 }));

  const api = express.Router();
  api.use(calendarRoutes(ctx, WEB_USER_ID)); // checks the token itself: calendar apps send it as ?token=
  api.use(requireToken(ctx.config.webToken));
  api.use(express.json({ limit: '32kb' }));
  api.use((req, _res, next) => next(hasControlCharacters(req.body) ? new WijkwijsError('bad_request', CONTROL_CHARACTER_TEXT) : undefined));

  // Each endpoint turns its body into a Turn for the core; Express 5 passes rejected promises on to
  // the error handler below.
  const turnRoute =
    <T>(schema: z.ZodType<T>, toTurn: (body: T) => Omit<Turn, 'channel' | 'userId'>) =>
    async (req: Request, res: Response) => {
      const body = parse(schema, req.body);
      res.json(await handleTurn(ctx, { channel: 'web', userId: WEB_USER_ID, audience: 'private', ...toTurn(body) }));
    };

  // Questions pass the same limit and answer gate as in Slack and Teams.
  const guard = channelGuard(ctx);
  api.post('/chat', async (req, res) => {
    const b = parse(chatBody, req.body);
    if (!guard.limiter.take(WEB_USER_ID)) throw new WijkwijsError('rate_limited', RATE_LIMITED_TEXT);
    const turn: Turn = { channel: 'web', userId: WEB_USER_ID, audience: 'private', teamId: ctx.config.defaultTeam, conversationId: b.conversationId, text: b.text };
    res.json(await guard.gate.run(() => handleTurn(ctx, turn)));
  });
  api.post(
    '/feedback',
    turnRoute(feedbackBody, (b) => ({
      conversationId: b.conversationId,
      action: { id: b.rating === 'up' ? 'feedback.up' : 'feedback.down', value: b.answerId, comment: b.comment },
    })),
  );
  api.post('/action', async (req, res) => {
    const b = parse(actionBody, req.body);
    // A button in another team's message of this user acts for that team; a claim alone grants nothing.
    const teamId = b.teamId && (await isMember(ctx.db.prisma, WEB_USER_ID, b.teamId)) ? b.teamId : ctx.config.defaultTeam;
    res.json(
      await handleTurn(ctx, {
        channel: 'web',
        userId: WEB_USER_ID,
        audience: 'private',
        teamId,
        conversationId: b.conversationId,
        action: { id: b.actionId, value: b.value, comment: b.comment, fields: b.fields },
      }),
    );
  });

  // The assistant's own messages (announcements, reminders, requests) for this user and their teams,
  // oldest first from `since`; the chat asks again with the newest updatedAt it has seen.
  api.get('/notifications', async (req, res) => {
    const query = notificationsQuery.safeParse(req.query);
    if (!query.success) throw new WijkwijsError('bad_request', 'Geef "since" op als tijdstip, bijvoorbeeld 2026-03-02T08:00:00Z.');
    const since = query.data.since ? new Date(query.data.since) : new Date(0);
    const notifications = await listNotifications(ctx.db.prisma, WEB_USER_ID, since);
    res.set('Cache-Control', 'no-store').json({ notifications });
  });

  app.use('/api', api);
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: 'Dit adres bestaat niet.' } });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = httpError(error);
    if (e.code === 'internal') ctx.logger.error({ err: error }, 'web request failed');
    res.status(e.status).json({ error: { code: e.code, message: e.userMessage } });
  });
  return app;
}

/** Where a channel adapter mounts its router on an app made by `createWebApp`. */
export function channelMount(app: express.Express): express.Router {
  const router = app.locals.channels as express.Router | undefined;
  if (!router) throw new Error('This express app was not made by createWebApp.');
  return router;
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new WijkwijsError('bad_request', 'Het verzoek is niet goed opgebouwd. Verwacht wordt bijvoorbeeld {"text": "je vraag"}.');
  }
  return result.data;
}

/** Body-parser errors carry a type; they become clear Dutch 400s instead of stack traces. */
function httpError(error: unknown): WijkwijsError {
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return new WijkwijsError('bad_request', 'Je bericht is te groot. Stel een korte vraag.');
  if (type === 'entity.parse.failed') return new WijkwijsError('bad_request', 'Het verzoek is geen geldige JSON.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new WijkwijsError('bad_request', 'Stuur het verzoek als UTF-8 JSON.');
  return toWijkwijsError(error);
}

function requireToken(token: string | undefined) {
  const expected = token ? Buffer.from(token) : undefined;
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!expected) return next();
    const given = Buffer.from((req.get('authorization') ?? '').replace(/^Bearer\s+/i, ''));
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    next(new WijkwijsError('unauthorized', 'Je bent niet aangemeld: de toegangscode ontbreekt of klopt niet.'));
  };
}

/** A loopback address or name (IPv6 with or without brackets); "127.example.org" is not one. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Against DNS rebinding: a page on another site can point its own name at 127.0.0.1 and read the
 * local chat through the visitor's browser, but the browser still sends that name as Host. Only
 * loopback names and the host of WIJKWIJS_PUBLIC_URL are answered. Slack and Teams, which carry
 * their own signatures and tokens, are mounted before this check.
 */
function requireKnownHost(publicUrl: string) {
  const publicHost = new URL(publicUrl).hostname;
  return (req: Request, _res: Response, next: NextFunction) => {
    const host = hostNameOf(req.headers.host);
    if (host && (host === publicHost || isLoopback(host))) return next();
    next(new WijkwijsError('forbidden', 'Dit adres ken ik niet. Open Wijkwijs via localhost of 127.0.0.1, of via het adres dat de beheerder instelde (WIJKWIJS_PUBLIC_URL).'));
  };
}

function hostNameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return undefined;
  }
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the HTTP server; refuses a non-loopback address without a token. */
export async function startWebServer(ctx: Context, app = createWebApp(ctx)): Promise<RunningServer> {
  const { host, port, webToken } = ctx.config;
  if (!isLoopback(host) && !webToken) {
    throw new ConfigError(`Luisteren op ${host} kan alleen met een toegangscode: zet WIJKWIJS_WEB_TOKEN, of gebruik HOST=127.0.0.1.`);
  }
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
