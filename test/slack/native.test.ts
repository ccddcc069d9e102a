/**
 * Wijkwijs as an AI app in Slack, through the real Bolt app and web server against the Web API
 * stand-in: the assistant surface (status, suggested prompts), answers streamed from a chat model
 * behind the OpenAI-compatible stand-in (server-sent events), the message shortcut, and Web API
 * calls that give up quickly.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../src/channels/slack/index.ts';
import { createWebApp, startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';
import { passageNumber, sixWeeksAnswer, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { BOT_TOKEN, BOT_USER, eventCallback, messageTs, postEvent, postInteraction, SIGNING_SECRET, startFakeSlack, WORKSPACE, type FakeSlack, type SlackCall } from './support/fake-slack.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
let slackApi: FakeSlack;
let model: FakeOpenAI;
let server: RunningServer;

const QUESTION = 'Hoe lang heb ik om de hulpvraag te verkennen?';

beforeAll(async () => {
  slackApi = await startFakeSlack();
  model = await startFakeOpenAI();
  ctx = await createTestContext({
    PORT: '0',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApi.apiUrl,
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: model.url,
    OPENAI_CHAT_MODEL: 'test-chat',
    OPENAI_TIMEOUT_MS: '5000',
  });
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/handboek`, `${repoRoot}/knowledge/werkvormen`] });
  const web = createWebApp(ctx);
  await startSlack(ctx, web);
  server = await startWebServer(ctx, web);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
  await slackApi?.close();
  await model?.close();
});
beforeEach(() => {
  model.chatReply = 500;
  model.chunkDelayMs = 0;
});

/** A message in a thread of the DM with Wijkwijs: Slack's assistant surface. */
async function askInAssistantThread(user: string, text: string) {
  const dm = `D${user}`;
  const threadTs = messageTs();
  const ts = messageTs();
  const started = Date.now();
  const response = await postEvent(server.url, eventCallback({ type: 'message', channel_type: 'im', channel: dm, user, text, ts, thread_ts: threadTs }));
  expect(response.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(1000);
  return { dm, threadTs, ts };
}

const stoppedStream = (channel: string) => slackApi.next('chat.stopStream', (a) => a.channel === channel, 15_000);
const blocksText = (blocks: any[]) => JSON.stringify(blocks);

describe('the assistant surface', () => {
  it('offers prompts that fit: first contact, a team channel, a newcomer in the onboarding programme', async () => {
    const started = async (user: string, context: Record<string, string> = {}) => {
      const threadTs = messageTs();
      const response = await postEvent(
        server.url,
        eventCallback({ type: 'assistant_thread_started', assistant_thread: { user_id: user, context, channel_id: `D${user}`, thread_ts: threadTs }, event_ts: threadTs }),
      );
      expect(response.status).toBe(200);
      return (await slackApi.next('assistant.threads.setSuggestedPrompts', (a) => a.thread_ts === threadTs)).args;
    };
    const first = await started('UNIEUW1');
    expect(first.channel_id).toBe('DUNIEUW1');
    expect(first.title).toMatch(/Welkom/);
    expect(first.prompts.length).toBeGreaterThan(1);
    expect(first.prompts.length).toBeLessThanOrEqual(4);
    for (const p of first.prompts) expect(p).toEqual({ title: expect.any(String), message: expect.stringMatching(/\?$/) });

    await ensureMember(ctx.db.prisma, { teamId: 'team-noord', userId: `slack:${WORKSPACE}:UADMIN`, role: 'admin' });
    await ctx.db.prisma.channel.create({ data: { platform: 'slack', externalId: `${WORKSPACE}:CNOORD`, teamId: 'team-noord', settings: {} } });
    const fromTeam = await started('UCOACH1', { channel_id: 'CNOORD', team_id: WORKSPACE });
    expect(fromTeam.title).toMatch(/team-noord/);
    expect(fromTeam.prompts.map((p: any) => p.message)).toContain('Hebben we eerder een vergelijkbare casus besproken?');

    await ensureMember(ctx.db.prisma, { teamId: 'team-noord', userId: `slack:${WORKSPACE}:UNEWBIE` });
    await ctx.db.prisma.onboardingEnrollment.create({ data: { teamId: 'team-noord', userId: `slack:${WORKSPACE}:UNEWBIE`, status: 'active', startDate: '2026-12-01', currentModule: 'werkwijze' } });
    const newcomer = await started('UNEWBIE', { channel_id: 'CNOORD', team_id: WORKSPACE });
    expect(newcomer.title).toMatch(/inwerkprogramma/i);
    expect(newcomer.prompts[0]).toEqual({ title: 'Volgende stap', message: 'verder' });

    // Moving to another channel while the chat is open updates them.
    const threadTs = messageTs();
    await postEvent(server.url, eventCallback({ type: 'assistant_thread_context_changed', assistant_thread: { user_id: 'UCOACH1', context: { channel_id: 'CNOORD', team_id: WORKSPACE }, channel_id: 'DUCOACH1', thread_ts: threadTs }, event_ts: threadTs }));
    expect((await slackApi.next('assistant.threads.setSuggestedPrompts', (a) => a.thread_ts === threadTs)).args.title).toMatch(/team-noord/);
  });

  it('shows the assistant status while searching, then answers in one message with follow-up prompts (quoted answer)', async () => {
    const { dm, threadTs, ts } = await askInAssistantThread('UASSIST', QUESTION);
    const status = await slackApi.next('assistant.threads.setStatus', (a) => a.thread_ts === threadTs);
    expect(status.args).toMatchObject({ channel_id: dm, status: 'zoekt in de bronnen…' });
    expect(status.args.loading_messages).toContain('Ik zoek in het handboek…');
    const answer = await slackApi.next('chat.postMessage', (a) => a.channel === dm && a.thread_ts === threadTs && /zes weken/i.test(a.text), 15_000);
    expect(status.at).toBeLessThanOrEqual(answer.at);
    expect(blocksText(answer.args.blocks)).toContain('Letterlijk uit de bronnen.');
    // The status took the place of the 👀 reaction and the "Ik zoek…" message.
    const mine = slackApi.calls.filter((c) => c.args.channel === dm || c.args.timestamp === ts);
    expect(mine.map((c) => c.method)).not.toContain('reactions.add');
    expect(mine.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);
    expect(slackApi.callsTo('chat.startStream').filter((c) => c.args.channel === dm)).toEqual([]);
    const followUps = await slackApi.next('assistant.threads.setSuggestedPrompts', (a) => a.thread_ts === threadTs);
    expect(followUps.args.prompts.length).toBeGreaterThan(0);
    expect(followUps.args.prompts.length).toBeLessThanOrEqual(3);
  });

  it('streams a model answer as it is written and settles sources, trust line and feedback buttons at the end', async () => {
    model.chatReply = sixWeeksAnswer();
    model.chunkDelayMs = 40;
    const ended = model.streamsEndedAt.length;
    const { dm, threadTs } = await askInAssistantThread('USTREAM', QUESTION);
    const start = await slackApi.next('chat.startStream', (a) => a.channel === dm, 15_000);
    expect(start.args.thread_ts).toBe(threadTs);
    const stop = await stoppedStream(dm);
    // The first sentence went out while the model was still writing.
    expect(start.at).toBeLessThan(model.streamsEndedAt[ended]!);
    expect(model.requests.at(-1)!.body.stream).toBe(true);
    const appended = slackApi.callsTo('chat.appendStream').filter((c) => c.args.ts === start.result!.ts);
    expect(appended.length).toBeGreaterThan(0);
    const stream = slackApi.streams.get(start.result!.ts)!;
    expect(stream.state).toBe('stopped');
    expect(stream.text).toBe('De wijkcoach heeft zes weken de tijd om de hulpvraag te verkennen [1]. In die zes weken verken je breed en breng je het netwerk in kaart [1].');
    const details = blocksText(stop.args.blocks);
    expect(details).toContain('Gegenereerd door een taalmodel, op basis van de bronnen.');
    expect(details).toContain('*Bronnen*');
    expect(details).toMatch(/Bijgewerkt \d+ \w+ 20\d\d · eigenaar: Teamleider wijkteams/);
    expect(details).toContain('"feedback_buttons"');
    // Nothing replaced the streamed message: it is the answer.
    expect(slackApi.callsTo('chat.update').filter((c) => c.args.ts === start.result!.ts)).toEqual([]);
    const stored = await ctx.db.prisma.answer.findFirstOrThrow({ where: { conversation: { userId: `slack:${WORKSPACE}:USTREAM` } } });
    expect(stored.mode).toBe('model');
    expect(stored.text).toBe(stream.text);
  });

  it('never streams a sentence its source does not bear out', async () => {
    model.chatReply = sixWeeksAnswer('De wachttijd bij het loket is acht weken [1]. ');
    const { dm } = await askInAssistantThread('UUNGROUNDED', QUESTION);
    const start = await slackApi.next('chat.startStream', (a) => a.channel === dm, 15_000);
    await stoppedStream(dm);
    const stream = slackApi.streams.get(start.result!.ts)!;
    expect(stream.text).not.toMatch(/acht weken|wachttijd/);
    expect(stream.text).toMatch(/netwerk in kaart \[1\]\.$/);
  });

  it('streams no identifier the model made up, and replaces the stream by the quoted answer when the model answer is rejected', async () => {
    model.chatReply = (request) => {
      const n = passageNumber(request, 'zes weken de tijd heeft');
      return `De wijkcoach heeft zes weken de tijd om de hulpvraag te verkennen [${n}]. Bel daarvoor meneer Pieter Jansen (BSN 111222333) op 06-12345678 [${n}]. In die zes weken verken je breed [${n}].`;
    };
    const { dm } = await askInAssistantThread('UREJECT', QUESTION);
    const start = await slackApi.next('chat.startStream', (a) => a.channel === dm, 15_000);
    const replaced = await slackApi.next('chat.update', (a) => a.channel === dm && a.ts === start.result!.ts, 15_000);
    const streamedCalls = slackApi.calls.filter((c) => c.args.channel === dm && /Stream$/.test(c.method));
    for (const call of streamedCalls) expect(JSON.stringify(call.args)).not.toMatch(/Jansen|Pieter|111222333|12345678/);
    expect(slackApi.streams.get(start.result!.ts)!.state).toBe('stopped');
    expect(replaced.args.text).toMatch(/zes weken/i);
    expect(blocksText(replaced.args.blocks)).toContain('Letterlijk uit de bronnen.');
    expect(JSON.stringify(replaced.args)).not.toMatch(/Jansen|111222333/);
  });
});

describe('a mention in a channel', () => {
  it('streams into the thread for the asker, with the recipient Slack needs outside a DM', async () => {
    model.chatReply = sixWeeksAnswer();
    const ts = messageTs();
    const started = Date.now();
    const response = await postEvent(server.url, eventCallback({ type: 'app_mention', user: 'UCHAN', text: `<@${BOT_USER}> ${QUESTION}`, ts, channel: 'CSTREAM' }));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(response.status).toBe(200);
    const start = await slackApi.next('chat.startStream', (a) => a.channel === 'CSTREAM', 15_000);
    expect(start.args).toMatchObject({ thread_ts: ts, recipient_user_id: 'UCHAN', recipient_team_id: WORKSPACE });
    expect(start.result!.ok).toBe(true);
    await stoppedStream('CSTREAM');
    // Without Slack's assistant status here, the 👀 reaction says the question arrived.
    expect(slackApi.callsTo('reactions.add').some((c) => c.args.timestamp === ts)).toBe(true);
    expect(slackApi.callsTo('assistant.threads.setStatus').filter((c) => c.args.channel_id === 'CSTREAM')).toEqual([]);
  });
});

describe('"Vraag Wijkwijs hierover"', () => {
  it('anonymises the message first and answers only the one who asked', async () => {
    const answers = await ctx.db.prisma.answer.count();
    const response = await postInteraction(server.url, {
      type: 'message_action',
      callback_id: 'wijkwijs.ask_about_message',
      trigger_id: `${Date.now()}.trigger`,
      response_url: slackApi.responseUrl,
      team: { id: WORKSPACE, domain: 'wijkteam' },
      channel: { id: 'CSHORT', name: 'algemeen' },
      user: { id: 'USHORT', name: 'coach', team_id: WORKSPACE },
      message_ts: '1700000000.000100',
      message: { type: 'message', user: 'UOTHER', ts: '1700000000.000100', text: '<@UOTHER> hoe lang heb ik om de hulpvraag van mevrouw Fatima Bouzid (BSN 123456782) te verkennen?' },
    });
    expect(response.status).toBe(200);
    const privately = await slackApi.next('chat.postEphemeral', (a) => a.user === 'USHORT', 15_000);
    expect(privately.args).toMatchObject({ channel: 'CSHORT', thread_ts: '1700000000.000100' });
    expect(privately.args.text).toMatch(/zes weken/i);
    const json = JSON.stringify(privately.args);
    expect(json).not.toMatch(/Bouzid|Fatima|123456782/);
    expect(json).toMatch(/persoonsgegevens uit het bericht/);
    expect(await ctx.db.prisma.answer.count()).toBe(answers + 1);
    const stored = await ctx.db.prisma.answer.findFirstOrThrow({ where: { conversation: { userId: `slack:${WORKSPACE}:USHORT` } } });
    expect(stored.question).not.toMatch(/Bouzid|Fatima|123456782|UOTHER/);
    expect(slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CSHORT')).toEqual([]);
  });
});

describe('Web API calls that give up in time', () => {
  it('retries a Slack error a few times and still answers', async () => {
    slackApi.fail('chat.postMessage', { times: 2, status: 503 });
    const ts = messageTs();
    await postEvent(server.url, eventCallback({ type: 'app_mention', user: 'URETRY', text: `<@${BOT_USER}> ${QUESTION}`, ts, channel: 'CRETRY' }));
    const answered = (c: SlackCall) => c.method === 'chat.postMessage' && c.args.thread_ts === ts && /zes weken/i.test(c.args.text);
    await slackApi.waitFor((calls) => calls.some((c) => answered(c) && c.result?.ok), 15_000);
    expect(slackApi.calls.filter(answered).map((c) => Boolean(c.result?.ok))).toEqual([false, false, true]);
  });

  it('does not wait out a rate limit of minutes: the asker hears within seconds', async () => {
    slackApi.fail('chat.postMessage', { times: 5, status: 429, retryAfterSeconds: 120 });
    const ts = messageTs();
    const started = Date.now();
    await postEvent(server.url, eventCallback({ type: 'app_mention', user: 'ULIMIT', text: `<@${BOT_USER}> ${QUESTION}`, ts, channel: 'CLIMIT' }));
    const apology = await slackApi.next('chat.postEphemeral', (a) => a.user === 'ULIMIT', 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(apology.args.text).toMatch(/Sorry|mis/);
    slackApi.fail('chat.postMessage', { times: 0 });
  });
});
