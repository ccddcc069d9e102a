/**
 * Teams end to end (real HTTP into the CloudAdapter, real HTTP out to the connector stand-in, a model
 * stand-in): who reads an answer decides what it may cite, a linked channel stays with its team, and
 * a message is acknowledged at once, answered afterwards and answered once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMsTeamsChannel } from '../../src/channels/msteams/index.ts';
import { channelLink, placeKey, saveChannelLink } from '../../src/teams/channel-links.ts';
import { channelMount, createWebApp, startWebServer } from '../../src/channels/web/server.ts';
import { createTestContext } from '../support/context.ts';
import { CASE_QUESTION, CASE_TEXT, twoTeamsWithACase } from '../support/team-case.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { requestWithHost } from '../support/request-with-host.ts';
import { activity, BOT, StandInConnector, type Recorded } from './support/connector.ts';
import { serveMsTeams, type ServedMsTeams } from './support/serve.ts';

const connector = new StandInConnector();
let model: FakeOpenAI;
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let served: ServedMsTeams;

const person = (key: string) => ({ id: `29:${key}`, name: `Collega ${key}`, aadObjectId: `aad-${key}` });
const ANNA = person('anna'); // admin of team A, where the case was discussed
const BRAM = person('bram'); // admin of team B
const userIdOf = (p: { aadObjectId: string }) => `teams:${p.aadObjectId}`;


const channelOf = (key: string) => ({ id: `19:kanaal-${key}@thread.tacv2`, team: `19:team-${key}@thread.tacv2` });
const TEAM_A_CHANNEL = channelOf('a');
const TEAM_B_CHANNEL = channelOf('b');
const OPEN_CHANNEL = channelOf('open');

type Where = { channel: { id: string; team: string } } | { groupChat: string } | 'personal';
let sequence = 0;

function message(from: typeof ANNA, where: Where, text: string): Record<string, unknown> {
  const id = `msg-${++sequence}`;
  if (where === 'personal') return activity(connector.url, { id, from, text, conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant-1' } });
  const mentioned = { text: `<at>Wijkwijs</at> ${text}`, entities: [{ type: 'mention', text: '<at>Wijkwijs</at>', mentioned: BOT }] };
  if ('groupChat' in where) return activity(connector.url, { id, from, ...mentioned, conversation: { id: where.groupChat, conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' } });
  return activity(connector.url, {
    id,
    from,
    ...mentioned,
    conversation: { id: `${where.channel.id};messageid=${id}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    channelData: { team: { id: where.channel.team }, channel: { id: where.channel.id }, tenant: { id: 'tenant-1' } },
  });
}

const post = (url: string, body: unknown) => fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Sends a message and returns the bot's messages in reply to it, once it has answered. */
async function ask(from: typeof ANNA, where: Where, text: string): Promise<Recorded[]> {
  const incoming = message(from, where, text);
  expect((await post(served.url, incoming)).status).toBe(200);
  await served.settled();
  return repliesTo(incoming);
}
const repliesTo = (incoming: Record<string, unknown>) => connector.messages().filter((c) => c.activityId === incoming.id);
const shown = (calls: Recorded[]) => JSON.stringify(calls.map((c) => c.body));
const modelSawCase = () => model.requests.some((r) => r.path.endsWith('/chat/completions') && CASE_TEXT.test(JSON.stringify(r.body)));

beforeAll(async () => {
  await connector.start();
  model = await startFakeOpenAI();
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_PUBLIC_URL: 'https://wijkwijs.example.org', MICROSOFT_TEAMS_EMULATOR: 'true', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.url, OPENAI_CHAT_MODEL: 'test-chat' });
  await twoTeamsWithACase(ctx, { a: [userIdOf(ANNA)], b: [userIdOf(BRAM)] });
  await saveChannelLink(ctx.db, placeKey('msteams', TEAM_A_CHANNEL.id), 'team-a');
  await saveChannelLink(ctx.db, placeKey('msteams', TEAM_B_CHANNEL.id), 'team-b');
  served = await serveMsTeams(ctx);
}, 60_000);
afterAll(async () => {
  await served?.close();
  await ctx?.close();
  await model?.close();
  await connector.close();
});

describe('a team case is cited only where everyone reading may see it', () => {
  it.each([
    ['an unlinked channel', { channel: OPEN_CHANNEL }],
    ['team B’s channel', { channel: TEAM_B_CHANNEL }],
    ['a group chat', { groupChat: '19:groepschat-1@thread.v2' }],
  ] as [string, Where][])('keeps team A’s case out of %s, also from the model', async (_label, where) => {
    model.requests.length = 0;
    const replies = await ask(ANNA, where, CASE_QUESTION);
    expect(replies.length).toBeGreaterThan(0);
    expect(shown(replies)).not.toMatch(CASE_TEXT);
    expect(modelSawCase()).toBe(false);
  });

  it('cites it in team A’s channel and in the personal chat (the positive controls)', async () => {
    expect(shown(await ask(ANNA, { channel: TEAM_A_CHANNEL }, CASE_QUESTION))).toMatch(CASE_TEXT);
    expect(shown(await ask(ANNA, 'personal', CASE_QUESTION))).toMatch(CASE_TEXT);
  });
});

describe('a linked channel stays with its team', () => {
  const HIJACK = channelOf('hijack');
  const say = async (from: typeof ANNA, text: string) => (await ask(from, { channel: HIJACK }, text)).at(-1)!.body.text as string;
  const trail = () => ctx.db.prisma.auditEvent.findMany({ where: { subjectId: `msteams:${HIJACK.id}` }, orderBy: { at: 'asc' } });

  it('refuses a team-B admin who links team A’s channel to team B; unlinked first, it may; each change is audited', async () => {
    expect(await say(ANNA, 'koppel team-a')).toMatch(/gekoppeld aan team team-a/);
    expect(await say(BRAM, 'koppel team-b')).toMatch(/al gekoppeld aan team team-a\. Alleen een beheerder van team team-a/);
    expect((await channelLink(ctx.db, placeKey('msteams', HIJACK.id)))?.teamId).toBe('team-a');
    expect(await say(BRAM, 'ontkoppel')).toMatch(/beheerder van team team-a/);
    expect(await say(ANNA, 'ontkoppel')).toMatch(/niet meer gekoppeld aan team team-a/);
    expect(await say(BRAM, 'koppel team-b')).toMatch(/gekoppeld aan team team-b/);
    expect((await trail()).map((e) => [e.action, e.teamId, e.actorId])).toEqual([
      ['channel.linked', 'team-a', userIdOf(ANNA)],
      ['channel.unlinked', 'team-a', userIdOf(ANNA)],
      ['channel.linked', 'team-b', userIdOf(BRAM)],
    ]);
  });
});

describe('a message is acknowledged at once and answered once', () => {
  it('answers the same activity once, also when it reaches another process on the same database', async () => {
    const incoming = message(ANNA, 'personal', 'Wat zijn de kernwaarden van het wijkteam?');
    const [first, resent] = await Promise.all([post(served.url, incoming), post(served.url, incoming)]);
    expect([first.status, resent.status]).toEqual([200, 200]);
    await served.settled();

    // A second process: its own adapter and port, the same database.
    const web = createWebApp(ctx);
    const other = createMsTeamsChannel(ctx, ctx.config.msTeams!);
    channelMount(web).use(other.router);
    const otherServer = await startWebServer(ctx, web);
    try {
      expect((await post(otherServer.url, incoming)).status).toBe(200);
      await other.settled();
    } finally {
      await otherServer.close();
    }
    expect(repliesTo(incoming)).toHaveLength(1);
  });

  it('returns the HTTP response before a slow model has answered, and the answer still arrives', async () => {
    model.chatDelayMs = 3000;
    // Cites the passage that says so, so it survives the check on model answers.
    model.chatReply = (request) => {
      const passages = request.messages.at(-1)!.content.split(/\n(?=\[\d+\] )/);
      const cited = passages.find((block) => /^\[\d+\] [\s\S]*duiven/i.test(block))!.match(/^\[(\d+)\]/)![1];
      return `Bij duiven in het kippenhok schakelde het team de volkstuinvereniging en buurtbemiddeling in [${cited}].`;
    };
    try {
      const incoming = message(ANNA, 'personal', 'Wie schakel je in bij een duivenplaag in het kippenhok van een volkstuin?');
      const started = Date.now();
      const response = await post(served.url, incoming);
      const acknowledgedAfterMs = Date.now() - started;
      expect(response.status).toBe(200);
      expect(acknowledgedAfterMs).toBeLessThan(model.chatDelayMs);
      expect(repliesTo(incoming)).toEqual([]);

      await served.settled();
      const [answer] = repliesTo(incoming);
      expect(answer!.conversationId).toBe(`a:personal-${ANNA.aadObjectId}`);
      expect(answer!.body.text).toMatch(/^Bij duiven in het kippenhok schakelde het team/);
    } finally {
      model.chatDelayMs = 0;
      model.chatReply = 'Antwoord [1].';
    }
  });
});

describe('hostile input', () => {
  it('answers a question with a NUL byte with a Dutch notice, before the model is called', async () => {
    model.requests.length = 0;
    const answers = await ctx.db.prisma.answer.count();
    const [notice] = await ask(ANNA, 'personal', `${CASE_QUESTION}\u0000`);
    expect(notice!.body.text).toMatch(/onzichtbaar stuurteken/);
    expect(model.requests).toEqual([]);
    expect(await ctx.db.prisma.answer.count()).toBe(answers);
  });

  it('still takes activities whatever their Host, while the web chat refuses a foreign one', async () => {
    const incoming = message(ANNA, 'personal', 'Wat zijn de kernwaarden?');
    const viaProxy = await requestWithHost(`${served.url}/api/messages`, 'intern-proxy:8080', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(incoming) });
    expect(viaProxy.status).toBe(200);
    await served.settled();
    expect(repliesTo(incoming)).toHaveLength(1);
    expect((await requestWithHost(`${served.url}/`, 'intern-proxy:8080')).status).toBe(403);
  });
});
