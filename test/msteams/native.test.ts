/**
 * Wijkwijs as an AI app in Teams, through the real CloudAdapter and web server against the
 * connector stand-in: streaming in a personal chat (informative updates, the model's answer as it is
 * written, the final message), the AI-generated label, the feedback loop, suggested follow-up
 * questions, the message action, and the channel settings Slack has.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMsTeams, type RunningMsTeams } from '../../src/channels/msteams/index.ts';
import { createWebApp, startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { channelLink, placeKey } from '../../src/teams/channel-links.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';
import { sixWeeksAnswer, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { activity, BOT, StandInConnector } from './support/connector.ts';

const connector = new StandInConnector();
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;
let teams: RunningMsTeams;
let model: FakeOpenAI;

const QUESTION = 'Hoe lang heb ik om de hulpvraag te verkennen?';
const CHANNEL = '19:kanaal-native@thread.tacv2';
const TEAMS_TEAM = '19:team-native@thread.tacv2';
const mention = { type: 'mention', text: '<at>Wijkwijs</at>', mentioned: BOT };
const inChannel = (root: string) => ({
  conversation: { id: `${CHANNEL};messageid=${root}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
  channelData: { team: { id: TEAMS_TEAM, name: 'Wijkteam Native' }, channel: { id: CHANNEL }, tenant: { id: 'tenant-1' } },
});

async function post(body: unknown): Promise<Response> {
  const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await teams.channel.settled();
  return response;
}

const messageEntity = (body: any) => (body.entities ?? []).find((e: any) => e.type === 'https://schema.org/Message');
const cardOf = (body: any) => body.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;

beforeAll(async () => {
  await connector.start();
  model = await startFakeOpenAI();
  ctx = await createTestContext({ PORT: '0', MICROSOFT_TEAMS_EMULATOR: 'true', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: model.url, OPENAI_CHAT_MODEL: 'test-chat', OPENAI_TIMEOUT_MS: '5000' });
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge/handboek`] });
  await ensureMember(ctx.db.prisma, { teamId: 'team-native', userId: 'teams:aad-1', role: 'admin', displayName: 'Sanne de Vries' });
  const web = createWebApp(ctx);
  teams = (await startMsTeams(ctx, web))!;
  server = await startWebServer(ctx, web);
}, 120_000);
afterAll(async () => {
  await teams?.stop();
  await server?.close();
  await ctx?.close();
  await connector.close();
  await model?.close();
});
beforeEach(() => {
  connector.clear();
  model.chatReply = 500;
  model.chunkDelayMs = 0;
});

describe('a personal chat', () => {
  it('streams a model answer: informative updates, text that grows, and a final message with the AI label, citations, feedback loop and follow-ups', async () => {
    model.chatReply = sixWeeksAnswer();
    model.chunkDelayMs = 30;
    const incoming = activity(connector.url, { text: QUESTION });
    expect((await post(incoming)).status).toBe(200);

    const [stream] = [...connector.streams.values()];
    expect(stream).toBeTruthy();
    const types = stream!.updates.map((u) => u.streamType);
    expect(types.slice(0, 2)).toEqual(['informative', 'informative']);
    expect(stream!.updates[0]!.text).toBe('Ik zoek in het handboek…');
    expect(stream!.updates[1]!.text).toMatch(/Ik schrijf het antwoord/);
    const streamed = stream!.updates.filter((u) => u.streamType === 'streaming');
    expect(streamed.length).toBeGreaterThan(0);
    expect(streamed[0]!.text).toBe('De wijkcoach heeft zes weken de tijd om de hulpvraag te verkennen [1].');

    const final = stream!.final;
    expect(final.text).toBe('De wijkcoach heeft zes weken de tijd om de hulpvraag te verkennen [1]. In die zes weken verken je breed en breng je het netwerk in kaart [1].');
    expect(messageEntity(final)).toMatchObject({ '@type': 'Message', additionalType: ['AIGeneratedContent'], citation: [{ position: 1 }] });
    expect(final.channelData).toMatchObject({ feedbackLoopEnabled: true });
    const card = JSON.stringify(cardOf(final));
    expect(card).toContain('Gegenereerd door een taalmodel, op basis van de bronnen.');
    expect(card).toMatch(/Bijgewerkt \d+ \w+ 20\d\d · eigenaar: Teamleider wijkteams/);
    const followUps = final.suggestedActions.actions;
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.length).toBeLessThanOrEqual(3);
    for (const a of followUps) expect(a).toMatchObject({ type: 'imBack', value: expect.stringMatching(/\S/) });
    // Every message went to the user's chat, as replies to their question.
    expect(connector.calls.every((c) => c.conversationId === 'a:personal-1' && c.activityId === incoming.id)).toBe(true);
  });

  it('gives a quoted answer in one final message, labelled as quoted and without the AI label', async () => {
    expect((await post(activity(connector.url, { text: QUESTION }))).status).toBe(200);
    const [stream] = [...connector.streams.values()];
    // The model was asked (and failed): no text was streamed, the quoted answer came in the final message.
    expect(stream!.updates.map((u) => u.streamType)).not.toContain('streaming');
    expect(stream!.final.text).toMatch(/zes weken/i);
    expect(messageEntity(stream!.final).additionalType).toBeUndefined();
    expect(JSON.stringify(cardOf(stream!.final))).toContain('Letterlijk uit de bronnen.');
  });

  it('stores the feedback loop\'s reaction and comment (anonymised) for the answer its message carries', async () => {
    await post(activity(connector.url, { text: QUESTION }));
    const [streamId] = [...connector.streams.keys()];
    const stored = await ctx.db.prisma.msTeamsAnswerMessage.findUniqueOrThrow({ where: { activityKey: `a:personal-1|${streamId}` } });
    connector.clear();
    const response = await post(
      activity(connector.url, {
        type: 'invoke',
        name: 'message/submitAction',
        replyToId: streamId,
        value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'Voor mevrouw Fatima Bouzid klopte de termijn niet.' }) } },
      }),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).value).toMatch(/Dank je/);
    const feedback = await ctx.db.prisma.feedback.findFirstOrThrow({ where: { answerId: stored.answerId, userId: 'teams:aad-1' } });
    expect(feedback.rating).toBe(-1);
    expect(feedback.comment).not.toMatch(/Fatima|Bouzid/);
    expect(feedback.comment).toMatch(/\[PERSOON-1\]/);

    const liked = await post(activity(connector.url, { type: 'invoke', name: 'message/submitAction', replyToId: streamId, value: { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":""}' } } }));
    expect(liked.status).toBe(200);
    expect(await ctx.db.prisma.feedback.findFirstOrThrow({ where: { answerId: stored.answerId, userId: 'teams:aad-1' } })).toMatchObject({ rating: 1, comment: null });
    const unknown = await post(activity(connector.url, { type: 'invoke', name: 'message/submitAction', replyToId: 'act-onbekend', value: { actionName: 'feedback', actionValue: { reaction: 'like' } } }));
    expect((await unknown.json()).value).toMatch(/geen antwoord/);
  });
});

describe('"Vraag Wijkwijs hierover" (message action)', () => {
  it('anonymises the message first and answers in a dialog only the asker sees', async () => {
    const answers = await ctx.db.prisma.answer.count();
    const response = await post(
      activity(connector.url, {
        ...inChannel('m1'),
        type: 'invoke',
        name: 'composeExtension/submitAction',
        value: {
          commandId: 'askAboutMessage',
          commandContext: 'message',
          messagePayload: { id: 'm1', body: { contentType: 'html', content: '<p>Hoe lang heb ik om de hulpvraag van mevrouw <b>Fatima Bouzid</b> (BSN 123456782) te verkennen?</p>' } },
        },
      }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.task.type).toBe('continue');
    expect(body.task.value.title).toBe('Vraag Wijkwijs hierover');
    const shown = JSON.stringify(body.task.value.card.content);
    expect(shown).toMatch(/zes weken/i);
    expect(shown).not.toMatch(/Fatima|Bouzid|123456782/);
    expect(shown).toMatch(/persoonsgegevens uit het bericht/);
    // Nothing was posted in the channel.
    expect(connector.messages()).toEqual([]);
    expect(await ctx.db.prisma.answer.count()).toBe(answers + 1);
  });
});

describe('channel settings, as in Slack', () => {
  const say = (root: string, text: string, extra: Record<string, unknown> = {}) =>
    post(activity(connector.url, { ...inChannel(root), id: root, text: `<at>Wijkwijs</at> ${text}`, entities: [mention], ...extra }));

  it('sets the answer mode, the team channel and the tag called on a hand-off, by a team admin', async () => {
    await say('s1', 'koppel team-native');
    await say('s2', 'modus alles');
    expect(connector.messages().at(-1)!.body.text).toMatch(/elke vraag/);
    await say('s3', 'teamkanaal');
    expect(connector.messages().at(-1)!.body.text).toMatch(/Hulpvragen van team team-native/);
    const tag = { type: 'mention', text: '<at>Wijkcoaches</at>', mentioned: { id: 'MjQzMmYwOTgtYjhmMy00ZmNi', name: 'Wijkcoaches', type: 'tag' } };
    await say('s4', 'groep <at>Wijkcoaches</at>', { entities: [mention, tag] });
    expect(connector.messages().at(-1)!.body.text).toMatch(/Wijkcoaches/);
    const link = await channelLink(ctx.db, placeKey('msteams', CHANNEL));
    expect(link!.settings).toMatchObject({ mode: 'all', handoff: true, handoffGroup: 'MjQzMmYwOTgtYjhmMy00ZmNi', handoffGroupName: 'Wijkcoaches' });

    // Someone else may not change them.
    connector.clear();
    await say('s5', 'modus vermelding', { from: { id: '29:piet', name: 'Piet', aadObjectId: 'aad-piet' } });
    expect(connector.messages().at(-1)!.body.text).toMatch(/mag alleen|beheerder/i);
    expect((await channelLink(ctx.db, placeKey('msteams', CHANNEL)))!.settings.mode).toBe('all');
  });

  it('in a channel set to "alles" answers a question without a mention, and lets other messages be', async () => {
    await post(activity(connector.url, { ...inChannel('q1'), id: 'q1', text: 'Goedemorgen allemaal' }));
    expect(connector.messages()).toEqual([]);
    await post(activity(connector.url, { ...inChannel('q2'), id: 'q2', text: QUESTION }));
    const [answer] = connector.messages();
    expect(answer!.conversationId).toBe(`${CHANNEL};messageid=q2`);
    expect(answer!.body.text).toMatch(/zes weken/i);
    // No streaming outside a personal chat: the typing indicator, then the message.
    expect(connector.calls.map((c) => c.body.type)).toEqual(['typing', 'message']);
    expect(connector.streams.size).toBe(0);
  });

  it('calls the team\'s tag when a question is handed to colleagues', async () => {
    await post(activity(connector.url, { text: 'Wat zijn de kernwaarden van het wijkteam?' }));
    const answer = connector.streams.size ? [...connector.streams.values()][0]!.final : connector.messages().at(-1)!.body;
    const handoff = cardOf(answer).actions.find((a: any) => a.data.actionId === 'handoff.request');
    connector.clear();
    await post(activity(connector.url, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: handoff.data } } }));
    const [posted] = connector.messages().filter((c) => c.conversationId === CHANNEL);
    expect(posted!.body.text).toMatch(/^<at>Wijkcoaches<\/at> /);
    expect(posted!.body.entities).toContainEqual({ type: 'mention', text: '<at>Wijkcoaches</at>', mentioned: { id: 'MjQzMmYwOTgtYjhmMy00ZmNi', name: 'Wijkcoaches', type: 'tag' } });
  });
});
