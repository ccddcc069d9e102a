/**
 * Who reads a Slack answer decides what it may cite; a channel's link stays with its team; an answer
 * that fails still ends in words. End to end through the real HTTP server and Bolt, against the Web
 * API stand-in, with a case discussion of team A stored the way a coach stores one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/assistant/context.ts';
import { startSlack } from '../../src/channels/slack/index.ts';
import { channelLink, placeKey, saveChannelLink } from '../../src/teams/channel-links.ts';
import { createWebApp, startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { FEATURES } from '../../src/features.ts';
import { createTestContext } from '../support/context.ts';
import { CASE_QUESTION, CASE_TEXT, twoTeamsWithACase } from '../support/team-case.ts';
import { requestWithHost } from '../support/request-with-host.ts';
import { BOT_TOKEN, BOT_USER, eventCallback, messageTs, postEvent, SIGNING_SECRET, signedHeaders, startFakeSlack, WORKSPACE, type FakeSlack, type SlackCall } from './support/fake-slack.ts';
import { buttonsOf, createDriver } from './support/flow-helpers.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
let slackApi: FakeSlack;
let server: RunningServer;
let driver: ReturnType<typeof createDriver>;

const ANNA = 'UANNA'; // admin of team A, where the case was discussed
const BRAM = 'UBRAM'; // admin of team B
const BOTH = 'UBOTH'; // admin of both teams
const idOf = (user: string) => `slack:${WORKSPACE}:${user}`;


// One failure on demand, after the answer was found: the way a crash after the acknowledgement looks.
let failNext = false;
const FAILING: Feature = {
  answerActions: () => {
    if (!failNext) return [];
    failNext = false;
    throw new Error('stand-in failure while finishing the answer');
  },
};

beforeAll(async () => {
  slackApi = await startFakeSlack();
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_PUBLIC_URL: 'https://wijkwijs.example.org', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApi.apiUrl }, undefined, undefined, [...FEATURES, FAILING]);
  const web = createWebApp(ctx);
  // The status goes out before every answer, so a failure always has a status to replace.
  await startSlack(ctx, web, { statusAfterMs: 0 });
  server = await startWebServer(ctx, web);
  driver = createDriver(slackApi, () => server.url);

  await twoTeamsWithACase(ctx, { a: [idOf(ANNA), idOf(BOTH)], b: [idOf(BRAM), idOf(BOTH)] });
  await saveChannelLink(ctx.db, placeKey('slack', `${WORKSPACE}:CTEAMA`), 'team-a');
  await saveChannelLink(ctx.db, placeKey('slack', `${WORKSPACE}:CTEAMB`), 'team-b');
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
  await slackApi?.close();
});

const shown = (call: SlackCall) => `${call.args.text} ${JSON.stringify(call.args.blocks ?? [])}`;

/** Posts an event as Slack does and returns the message the status in `threadTs` became. */
async function answered(payload: Record<string, unknown>, where: { channel: string; threadTs?: string }, headers: Record<string, string> = {}): Promise<SlackCall> {
  driver.step();
  expect((await postEvent(server.url, payload, headers)).status).toBe(200);
  const status = await driver.next('chat.postMessage', (a) => a.channel === where.channel && a.thread_ts === where.threadTs && /Ik zoek in het handboek/.test(a.text));
  return driver.next('chat.update', (a) => a.channel === where.channel && a.ts === status.result!.ts);
}

async function mention(user: string, channel: string, text: string): Promise<SlackCall> {
  const ts = messageTs();
  return answered(eventCallback({ type: 'app_mention', user, text: `<@${BOT_USER}> ${text}`, ts, channel }), { channel, threadTs: ts });
}

describe('a team case is cited only where everyone reading may see it', () => {
  it('keeps team A’s case out of an unlinked channel, also in a follow-up in the thread', async () => {
    const ts = messageTs();
    const reply = await answered(eventCallback({ type: 'app_mention', user: ANNA, text: `<@${BOT_USER}> ${CASE_QUESTION}`, ts, channel: 'COPEN' }), { channel: 'COPEN', threadTs: ts });
    expect(shown(reply)).not.toMatch(CASE_TEXT);
    const followUp = await answered(eventCallback({ type: 'message', channel_type: 'channel', channel: 'COPEN', user: ANNA, text: 'En wat besloot het team over die duiven in het kippenhok?', ts: messageTs(), thread_ts: ts }), { channel: 'COPEN', threadTs: ts });
    expect(shown(followUp)).not.toMatch(CASE_TEXT);
  });

  it('keeps it out of team B’s channel, where its member asks', async () => {
    expect(shown(await mention(ANNA, 'CTEAMB', CASE_QUESTION))).not.toMatch(CASE_TEXT);
  });

  it('cites it in team A’s own channel and in a DM (the positive controls)', async () => {
    expect(shown(await mention(ANNA, 'CTEAMA', CASE_QUESTION))).toMatch(CASE_TEXT);
    const dm = await answered(eventCallback({ type: 'message', channel_type: 'im', channel: 'DANNA', user: ANNA, text: CASE_QUESTION, ts: messageTs() }), { channel: 'DANNA' });
    expect(shown(dm)).toMatch(CASE_TEXT);
  });

  it('does not cite it for someone outside team A, even in team A’s channel', async () => {
    expect(shown(await mention(BRAM, 'CTEAMA', CASE_QUESTION))).not.toMatch(CASE_TEXT);
  });
});

describe('"Deel in kanaal" re-checks the channel against every cited passage', () => {
  /** /vraag answers privately (with the case), then the asker clicks "Deel in kanaal". */
  async function askAndShare(channel: string): Promise<void> {
    await driver.command(ANNA, channel, '/vraag', CASE_QUESTION);
    const privately = await driver.next('chat.postEphemeral', (a) => a.channel === channel && a.user === ANNA);
    expect(shown(privately)).toMatch(CASE_TEXT);
    await driver.click(ANNA, privately, buttonsOf(privately).find((b) => b.action_id.startsWith('wijkwijs.share'))!);
  }

  it.each([
    ['an unlinked channel', 'CSHAREOPEN'],
    ['team B’s channel', 'CTEAMB'],
  ])('refuses to share a team-A case into %s', async (_label, channel) => {
    await askAndShare(channel);
    const refusal = await driver.next('chat.postEphemeral', (a) => a.channel === channel && a.user === ANNA);
    expect(refusal.args.text).toMatch(/alleen in een kanaal dat aan team team-a gekoppeld is/);
    await driver.none('chat.postMessage', (a) => a.channel === channel);
  });

  it('shares it into team A’s own channel', async () => {
    await askAndShare('CTEAMA');
    const posted = await driver.next('chat.postMessage', (a) => a.channel === 'CTEAMA' && /deelt een antwoord/.test(JSON.stringify(a.blocks)));
    expect(shown(posted)).toMatch(CASE_TEXT);
  });
});

describe('a linked channel stays with its team', () => {
  const wijkwijs = async (user: string, channel: string, text: string) => (await (await driver.command(user, channel, '/wijkwijs', text)).json()).text as string;
  const trail = (teamId: string) => ctx.db.prisma.auditEvent.findMany({ where: { teamId, subjectId: `slack:${WORKSPACE}:CHIJACK` }, orderBy: { at: 'asc' } });

  it('refuses a team-B admin who links team A’s channel to team B, and audits every change of hands', async () => {
    expect(await wijkwijs(ANNA, 'CHIJACK', 'koppel team-a')).toMatch(/gekoppeld aan team team-a/);
    expect(await wijkwijs(BRAM, 'CHIJACK', 'koppel team-b')).toMatch(/al gekoppeld aan team team-a\. Alleen een beheerder van team team-a/);
    expect((await channelLink(ctx.db, placeKey('slack', `${WORKSPACE}:CHIJACK`)))?.teamId).toBe('team-a');
    expect(await wijkwijs(BRAM, 'CHIJACK', 'ontkoppel')).toMatch(/beheerder van team team-a/);

    // Unlinked by team A first, then team B may take it.
    expect(await wijkwijs(ANNA, 'CHIJACK', 'ontkoppel')).toMatch(/niet meer gekoppeld aan team team-a/);
    expect(await wijkwijs(BRAM, 'CHIJACK', 'koppel team-b')).toMatch(/gekoppeld aan team team-b/);
    // An admin of the holder (and of the new team) may move it in one step.
    expect(await wijkwijs(BOTH, 'CHIJACK', 'koppel team-a')).toMatch(/gekoppeld aan team team-a \(was team team-b\)/);

    expect((await trail('team-a')).map((e) => [e.action, e.actorId])).toEqual([
      ['channel.linked', idOf(ANNA)],
      ['channel.unlinked', idOf(ANNA)],
      ['channel.relinked', idOf(BOTH)],
    ]);
    expect((await trail('team-b')).map((e) => [e.action, e.actorId])).toEqual([
      ['channel.linked', idOf(BRAM)],
      ['channel.unlinked', idOf(BOTH)],
    ]);
  });
});

describe('an answer that fails after the acknowledgement', () => {
  it('turns the status into an apology and answers Slack’s retry of the event', async () => {
    const ts = messageTs();
    const payload = eventCallback({ type: 'app_mention', user: ANNA, text: `<@${BOT_USER}> Wat zijn de kernwaarden?`, ts, channel: 'CFAIL' });
    failNext = true;
    const apology = await answered(payload, { channel: 'CFAIL', threadTs: ts });
    expect(apology.args.text).toMatch(/^Sorry, het lukte me niet/);
    expect(slackApi.callsTo('chat.delete')).toEqual([]);

    const retried = await answered(payload, { channel: 'CFAIL', threadTs: ts }, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retried.args.text).not.toMatch(/Sorry/);
    expect(JSON.stringify(retried.args.blocks)).toContain('"feedback_buttons"');
  });
});

describe('hostile input', () => {
  it('answers a question with a NUL byte with a Dutch notice, before anything is searched or stored', async () => {
    const answers = await ctx.db.prisma.answer.count();
    const notice = await mention(ANNA, 'CTEAMA', `${CASE_QUESTION}\u0000`);
    expect(notice.args.text).toMatch(/onzichtbaar stuurteken/);
    expect(await ctx.db.prisma.answer.count()).toBe(answers);
  });

  it('still takes signed events whatever their Host, while the web chat refuses a foreign one', async () => {
    const ts = messageTs();
    const body = JSON.stringify(eventCallback({ type: 'app_mention', user: ANNA, text: `<@${BOT_USER}> ${CASE_QUESTION}`, ts, channel: 'CPROXY' }));
    driver.step();
    const viaProxy = await requestWithHost(`${server.url}/slack/events`, 'intern-proxy:8080', { method: 'POST', headers: signedHeaders(body), body });
    expect(viaProxy.status).toBe(200);
    await driver.next('chat.postMessage', (a) => a.channel === 'CPROXY' && a.thread_ts === ts);
    expect((await requestWithHost(`${server.url}/`, 'intern-proxy:8080')).status).toBe(403);
  });
});
