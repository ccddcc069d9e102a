import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMsTeamsChannel, startMsTeams, msTeamsExposureProblem, type MsTeamsChannel } from '../../src/channels/msteams/index.ts';
import { isLoopbackAddress } from '../../src/channels/msteams/app.ts';
import { commandNames } from '../../src/assistant/handle-turn.ts';
import { parseIntent } from '../../src/channels/msteams/commands.ts';
import { FEATURES } from '../../src/features.ts';
import { channelMount, createWebApp, startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { ConfigError, loadConfig } from '../../src/lib/config.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, tempDir } from '../support/context.ts';
import { activity, BOT, StandInConnector } from './support/connector.ts';

const connector = new StandInConnector();
beforeAll(() => connector.start());
afterAll(() => connector.close());

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('Teams with an app id: every request must carry a valid Bot Framework token', () => {
  let ctx: Awaited<ReturnType<typeof createTestContext>>;
  let server: RunningServer;
  let channel: MsTeamsChannel;
  const appId = '00000000-0000-0000-0000-00000000a99';

  beforeAll(async () => {
    ctx = await createTestContext({ PORT: '0' });
    const config = { appId, appPassword: 'geheim', appType: 'MultiTenant' as const, openIdMetadataUrl: connector.openIdUrl };
    // Outgoing calls carry a token from this stand-in factory: Microsoft's login service is out of reach offline.
    const credentialsFactory = {
      isValidAppId: async (id: string) => id === appId,
      isAuthenticationDisabled: async () => false,
      createCredentials: async () => ({
        signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
          request.headers.set('authorization', 'Bearer uitgaand-testtoken');
          return request;
        },
      }),
    };
    const web = createWebApp(ctx);
    channel = createMsTeamsChannel(ctx, config, { credentialsFactory: credentialsFactory as never });
    channelMount(web).use(channel.router);
    server = await startWebServer(ctx, web);
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await ctx?.close();
  });

  const incoming = () => activity(connector.url, { text: 'Hoe lang heb ik om de hulpvraag te verkennen?' });
  const stored = async () => Number((await ctx.db.sql.query<{ n: number }>(`SELECT (SELECT count(*) FROM "msteams_conversation") + (SELECT count(*) FROM "answer") AS n`))[0]!.n);

  it.each([
    ['no token', {}],
    ['a garbage token', { authorization: 'Bearer dit.is.onzin' }],
    ['a token for another bot', { authorization: `Bearer ${connector.token('een-andere-bot', connector.url)}` }],
    ['a token for another serviceUrl', { authorization: `Bearer ${connector.token(appId, 'https://smba.example.org/')}` }],
    ['an expired token', { authorization: `Bearer ${connector.token(appId, connector.url, { exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 })}` }],
    ['a token signed with another key under the published key id', { authorization: `Bearer ${connector.token(appId, connector.url, {}, 'other-key')}` }],
    ['an unsigned token (alg none)', { authorization: `Bearer ${connector.token(appId, connector.url, {}, 'alg-none')}` }],
  ])('refuses %s with 401 and no side effect', async (_name, headers) => {
    connector.clear();
    const response = await post(server.url, incoming(), headers as Record<string, string>);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/niet aantoonbaar van Microsoft Teams/);
    expect(connector.calls.filter((c) => c.path.startsWith('/v3'))).toEqual([]);
    expect(await stored()).toBe(0);
  });

  it('answers a request signed with the published key, calling back with its own token', async () => {
    connector.clear();
    const response = await post(server.url, incoming(), { authorization: `Bearer ${connector.token(appId, connector.url)}` });
    expect(response.status).toBe(200);
    await channel.settled();
    const [reply] = connector.messages();
    // No knowledge is loaded in this context: the point is that it was let in and answered.
    expect(reply!.body.text.length).toBeGreaterThan(0);
    expect(reply!.conversationId).toBe('a:personal-1');
    expect(reply!.authorization).toBe('Bearer uitgaand-testtoken');
    expect(await stored()).toBeGreaterThan(0);
  });
});

describe('proactive messages after a restart', () => {
  const dataDir = tempDir('wijkwijs-msteams-');
  const CHANNEL = '19:kanaal-zuid@thread.tacv2';
  const MSTEAMS_TEAM = '19:algemeen-zuid@thread.tacv2';

  it('posts to the channel and the personal chat stored by an earlier process, and updates in place', async () => {
    // Process 1: installed in a team channel and a personal chat; an admin links the channel.
    const first = await createTestContext({ PORT: '0', WIJKWIJS_DATA_DIR: dataDir, MICROSOFT_TEAMS_EMULATOR: 'true' });
    try {
      await ensureMember(first.db.prisma, { teamId: 'team-zuid', userId: 'teams:aad-1', role: 'admin' });
      const web = createWebApp(first);
      const msTeams = await startMsTeams(first, web);
      const server = await startWebServer(first, web);
      try {
        const channel = { conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true }, channelData: { team: { id: MSTEAMS_TEAM }, channel: { id: CHANNEL }, tenant: { id: 'tenant-1' } } };
        expect((await post(server.url, activity(connector.url, { type: 'conversationUpdate', membersAdded: [BOT], ...channel }))).status).toBe(200);
        expect((await post(server.url, activity(connector.url, { type: 'conversationUpdate', membersAdded: [BOT] }))).status).toBe(200);
        const link = activity(connector.url, { ...channel, text: '<at>Wijkwijs</at> koppel team-zuid', entities: [{ type: 'mention', text: '<at>Wijkwijs</at>', mentioned: BOT }] });
        link.conversation = { ...channel.conversation, id: `${CHANNEL};messageid=${link.id}` };
        await post(server.url, link);
        await msTeams!.channel.settled();
        expect(connector.messages().at(-1)!.body.text).toMatch(/gekoppeld aan team team-zuid/);
      } finally {
        await msTeams?.stop();
        await server.close();
      }
    } finally {
      await first.close();
    }

    // Process 2: same data dir, no request has come in yet.
    connector.clear();
    const second = await createTestContext({ WIJKWIJS_DATA_DIR: dataDir, MICROSOFT_TEAMS_EMULATOR: 'true' });
    try {
      const msTeams = await startMsTeams(second, createWebApp(second));
      const reply = { conversationId: '', text: 'Teamoverleg morgen om 10:00', citations: [], actions: [], mode: 'notice' as const, notices: [] };
      const toTeam = await second.messenger.send({ to: { teamId: 'team-zuid' }, reply, key: 'msteams-restart.agenda' });
      expect(toTeam.channels).toContain('msteams');
      const [posted] = connector.messages();
      expect(posted).toMatchObject({ method: 'POST', conversationId: CHANNEL, activityId: undefined, body: { text: 'Teamoverleg morgen om 10:00' } });

      const toUser = await second.messenger.send({ to: { userId: 'teams:aad-1' }, reply: { ...reply, text: 'Je bent gevraagd voor een vier-ogen-check.' } });
      expect(toUser.channels).toContain('msteams');
      expect(connector.messages().at(-1)).toMatchObject({ method: 'POST', conversationId: 'a:personal-1', body: { text: 'Je bent gevraagd voor een vier-ogen-check.' } });

      await second.messenger.send({ to: { teamId: 'team-zuid' }, reply: { ...reply, text: 'Teamoverleg morgen om 11:00' }, key: 'msteams-restart.agenda' });
      const update = connector.calls.at(-1)!;
      expect(update).toMatchObject({ method: 'PUT', conversationId: CHANNEL, activityId: posted!.responseId, body: { text: 'Teamoverleg morgen om 11:00' } });

      // Someone who never talked to the bot in Teams: nothing to post to.
      const unknown = await second.messenger.send({ to: { userId: 'teams:aad-onbekend' }, reply });
      expect(unknown.channels).not.toContain('msteams');
      await msTeams?.stop();
    } finally {
      await second.close();
    }
  }, 60_000);
});

describe('rules', () => {
  it('refuses Teams without an app id off loopback', () => {
    expect(msTeamsExposureProblem('0.0.0.0', { appType: 'MultiTenant' })).toMatch(/MICROSOFT_APP_ID/);
    expect(msTeamsExposureProblem('10.1.2.3', { appType: 'MultiTenant' })).toMatch(/HOST=127.0.0.1/);
    expect(msTeamsExposureProblem('127.0.0.1', { appType: 'MultiTenant' })).toBeUndefined();
    expect(msTeamsExposureProblem('0.0.0.0', { appId: 'x', appPassword: 'y', appType: 'MultiTenant' })).toBeUndefined();
    expect(msTeamsExposureProblem('0.0.0.0', undefined)).toBeUndefined();
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.5')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
  });

  it('reads the Teams settings, with clear Dutch errors', () => {
    const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');
    expect(load({}).msTeams).toBeUndefined();
    expect(load({ MICROSOFT_TEAMS_EMULATOR: 'true' }).msTeams).toMatchObject({ appId: undefined });
    expect(load({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TENANT_ID: 't' }).msTeams).toMatchObject({ appType: 'SingleTenant', tenantId: 't' });
    expect(() => load({ MICROSOFT_APP_ID: 'a' })).toThrow(ConfigError);
    expect(() => load({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TYPE: 'SingleTenant' })).toThrow(/MICROSOFT_APP_TENANT_ID/);
    expect(load({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 't' }).msTeams?.appType).toBe('UserAssignedMSI');
  });

  it('routes command words generically and keeps questions questions', () => {
    const COMMANDS = commandNames(FEATURES);
    expect(parseIntent('casus Een inwoner met schulden', COMMANDS)).toEqual({ kind: 'command', text: '/casus Een inwoner met schulden' });
    expect(parseIntent('/casus Een inwoner', COMMANDS)).toEqual({ kind: 'command', text: '/casus Een inwoner' });
    expect(parseIntent('koppel team-noord', COMMANDS)).toEqual({ kind: 'settings', word: 'koppel', args: ['team-noord'] });
    expect(parseIntent('Hulp bij schulden, waar verwijs ik heen?', COMMANDS).kind).toBe('question');
    expect(parseIntent('/onbekend iets', COMMANDS)).toEqual({ kind: 'command', text: '/onbekend iets' });
  });

  it('refuses to start Teams without an app id on a public address', async () => {
    const ctx = await createTestContext({ HOST: '0.0.0.0', MICROSOFT_TEAMS_EMULATOR: 'true', WIJKWIJS_WEB_TOKEN: 'x' });
    try {
      await expect(startMsTeams(ctx, createWebApp(ctx))).rejects.toThrow(ConfigError);
    } finally {
      await ctx.close();
    }
  });
});
