import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberJoined } from '../../src/assistant/context.ts';
import { FEATURES } from '../../src/features.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { placeKey, saveChannelLink } from '../../src/teams/channel-links.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';
import { activity, BOT, StandInConnector, type Recorded } from './support/connector.ts';
import { serveMsTeams, type ServedMsTeams } from './support/serve.ts';

/** The Teams bot end to end: real HTTP into /api/messages, real HTTP out to a stand-in connector. */
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let served: ServedMsTeams;
const connector = new StandInConnector();
const team = 'team-noord';
const joined: MemberJoined[] = [];
const recorder = { onMemberJoined: async (_ctx: unknown, e: MemberJoined) => void joined.push(e) };

const CHANNEL = '19:kanaal-noord@thread.tacv2';
const MSTEAMS_TEAM = '19:algemeen-noord@thread.tacv2';
const channelFields = (threadRoot: string) => ({
  conversation: { id: `${CHANNEL};messageid=${threadRoot}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
  channelData: { team: { id: MSTEAMS_TEAM, name: 'Wijkteam Noord' }, channel: { id: CHANNEL }, tenant: { id: 'tenant-1' } },
});
const mention = { type: 'mention', text: '<at>Wijkwijs</at>', mentioned: BOT };

/** Posts as Teams does and waits until the bot has answered (messages are answered after the acknowledgement). */
async function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(`${served.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await served.settled();
  return response;
}

const cardOf = (call: { body: any }) => call.body.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
/** The answer a message carries: the value of its "Vraag een collega" button. */
const answerIdOf = (call: { body: any }) => cardActions(call).find((a) => a.data.actionId === 'handoff.request')!.data.value!;
const cardActions = (call: { body: any }) => (cardOf(call)?.actions ?? []) as { type: string; title: string; data: { actionId: string; value?: string } }[];

beforeAll(async () => {
  await connector.start();
  ctx = await createTestContext({ PORT: '0', MICROSOFT_TEAMS_EMULATOR: 'true' }, undefined, undefined, [...FEATURES, recorder]);
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge`] });
  await ensureMember(ctx.db.prisma, { teamId: team, userId: 'teams:aad-1', role: 'admin', displayName: 'Sanne de Vries' });
  served = await serveMsTeams(ctx);
}, 60_000);
afterAll(async () => {
  await served?.close();
  await ctx?.close();
  await connector.close();
});

describe('Teams personal chat', () => {
  // The first question of the chat; the tests below continue it, click its buttons or look at it.
  let incoming: Record<string, unknown>;
  let status: number;
  let calls: Recorded[];
  let answerId: string;
  beforeAll(async () => {
    connector.clear();
    incoming = activity(connector.url, { text: 'Hoe lang heb ik om de hulpvraag te verkennen?' });
    status = (await post(incoming)).status;
    calls = [...connector.calls];
    answerId = answerIdOf(calls[1]!);
  });

  it('shows typing, then answers with an Adaptive Card, citation entities and feedback buttons', async () => {
    expect(status).toBe(200);
    // An informative update (Teams' streaming in a personal chat), then the final message that ends it.
    expect(calls.map((c) => c.body.type)).toEqual(['typing', 'message']);
    expect(calls[0]!.body).toMatchObject({ text: 'Ik zoek in het handboek…', entities: [{ type: 'streaminfo', streamType: 'informative', streamSequence: 1 }] });
    const streamId = calls[0]!.responseId!;
    expect(calls[1]!.body.entities).toContainEqual({ type: 'streaminfo', streamId, streamType: 'final' });
    const reply = calls[1]!;
    // A reply to the user's message, in the personal chat.
    expect(reply.method).toBe('POST');
    expect(reply.conversationId).toBe('a:personal-1');
    expect(reply.activityId).toBe(incoming.id);
    expect(reply.body.text).toMatch(/zes weken/i);
    expect(reply.body.text).toMatch(/\[1\]/);

    const [entity] = reply.body.entities.filter((e: any) => e.type === 'https://schema.org/Message');
    expect(entity['@type']).toBe('Message');
    const first = entity.citation[0];
    expect(first).toMatchObject({ '@type': 'Claim', position: 1, appearance: { '@type': 'DigitalDocument' } });
    expect(first.appearance.name.length).toBeGreaterThan(0);
    expect(first.appearance.abstract.length).toBeLessThanOrEqual(160);
    const detail = JSON.parse(first.appearance.text);
    expect(detail.type).toBe('AdaptiveCard');
    expect(JSON.stringify(detail)).toContain(first.appearance.name.replace(/…$/, ''));

    const card = cardOf(reply);
    expect(card.type).toBe('AdaptiveCard');
    expect(JSON.stringify(card.body)).toContain('Bronnen');
    // Teams' own feedback buttons instead of card buttons; "Vraag een collega" stays on the card.
    expect(reply.body.channelData).toMatchObject({ feedbackLoopEnabled: true });
    const actions = cardActions(reply);
    expect(actions.some((a) => a.data.actionId.startsWith('feedback.'))).toBe(false);
    expect(actions.some((a) => a.title.includes('Vraag een collega'))).toBe(true);
    const stored = await ctx.db.prisma.answer.findUniqueOrThrow({ where: { id: answerId }, include: { conversation: true } });
    expect(stored.conversation.userId).toBe('teams:aad-1');
    expect(stored.conversation.channel).toBe('msteams');
  });

  it('continues the same core conversation for a follow-up in the same chat', async () => {
    connector.clear();
    const response = await post(activity(connector.url, { text: 'En mag dat ook langer duren?' }));
    expect(response.status).toBe(200);
    const first = await ctx.db.prisma.answer.findUniqueOrThrow({ where: { id: answerId } });
    const answers = await ctx.db.prisma.answer.findMany({ where: { conversationId: first.conversationId }, orderBy: { createdAt: 'asc' } });
    expect(answers.map((a) => a.question)).toEqual(['Hoe lang heb ik om de hulpvraag te verkennen?', 'En mag dat ook langer duren?']);
  });

  it('stores 👍 from a card click of an answer posted before the feedback loop (adaptiveCard/action invoke)', async () => {
    connector.clear();
    const response = await post(
      activity(connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'feedback.up', data: { actionId: 'feedback.up', value: answerId } }, trigger: 'manual' },
      }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    const feedback = await ctx.db.prisma.feedback.findMany({ where: { answerId } });
    expect(feedback).toMatchObject([{ userId: 'teams:aad-1', rating: 1 }]);
  });

  it('stores 👎 sent as a message with the card data (Action.Submit)', async () => {
    connector.clear();
    const response = await post(activity(connector.url, { text: '', value: { actionId: 'feedback.down', value: answerId } }));
    expect(response.status).toBe(200);
    const feedback = await ctx.db.prisma.feedback.findMany({ where: { answerId } });
    expect(feedback).toMatchObject([{ userId: 'teams:aad-1', rating: -1 }]);
    expect(connector.messages()[0]!.body.text).toMatch(/Dank je/);
  });

  it('turns "casus …" into a form card and stores the case on submit', async () => {
    connector.clear();
    const before = await ctx.db.prisma.document.count({ where: { type: 'casus' } });
    await post(activity(connector.url, { text: 'casus Mevrouw Fatima Bouzid aan de Dorpsstraat 12 heeft achterstanden bij de energieleverancier. Het team adviseert schuldhulp.' }));
    const formMessage = connector.messages()[0]!;
    const card = cardOf(formMessage);
    const input = card.body.find((b: any) => b.type === 'Input.Text');
    expect(input).toMatchObject({ id: 'field.text', isRequired: true, isMultiline: true });
    expect(input.value).not.toContain('Bouzid');
    const submit = cardActions(formMessage).find((a) => a.data.actionId === 'case.confirm')!;
    expect(submit.type).toBe('Action.Execute');
    expect(await ctx.db.prisma.document.count({ where: { type: 'casus' } })).toBe(before);

    connector.clear();
    const response = await post(
      activity(connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: submit.data.actionId, data: { ...submit.data, 'field.text': `${input.value}\nAangevuld in Teams.` } }, trigger: 'manual' },
      }),
    );
    expect(response.status).toBe(200);
    expect(await ctx.db.prisma.document.count({ where: { type: 'casus' } })).toBe(before + 1);
    expect(connector.messages()[0]!.body.text).toMatch(/opgeslagen bij/);
  });
});

describe('Teams team channel', () => {
  it('greets on install and stores the channel reference', async () => {
    connector.clear();
    const response = await post(
      activity(connector.url, {
        type: 'conversationUpdate',
        membersAdded: [BOT],
        conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        channelData: { team: { id: MSTEAMS_TEAM }, channel: { id: CHANNEL }, eventType: 'teamMemberAdded', tenant: { id: 'tenant-1' } },
      }),
    );
    expect(response.status).toBe(200);
    const [greeting] = connector.messages();
    expect(greeting!.conversationId).toBe(CHANNEL);
    expect(greeting!.activityId).toBeUndefined();
    expect(greeting!.body.text).toMatch(/Wijkwijs/);
    expect(greeting!.body.text).toMatch(/koppel/);
    const rows = await ctx.db.sql.query<{ kind: string; teams_team_id: string; service_url: string }>(`SELECT * FROM "msteams_conversation" WHERE "conversation_id" = $1`, [CHANNEL]);
    expect(rows).toMatchObject([{ kind: 'channel', teams_team_id: MSTEAMS_TEAM, service_url: connector.url }]);
  });

  it('lets a team admin link the channel with "@Wijkwijs koppel <team>", and refuses others', async () => {
    connector.clear();
    await post(activity(connector.url, { ...channelFields('k2'), id: 'k2', from: { id: '29:other', name: 'Piet', aadObjectId: 'aad-other' }, text: '<at>Wijkwijs</at> koppel team-noord', entities: [mention] }));
    expect(connector.messages()[0]!.body.text).toMatch(/alleen een beheerder/);
    expect(await ctx.db.prisma.channel.count({ where: { platform: 'msteams' } })).toBe(0);

    connector.clear();
    await post(activity(connector.url, { ...channelFields('k1'), id: 'k1', text: '<at>Wijkwijs</at> koppel team-noord', entities: [mention] }));
    expect(connector.messages()[0]!.body.text).toMatch(/gekoppeld aan team team-noord/);
    expect(await ctx.db.prisma.channel.findMany({ where: { platform: 'msteams' } })).toMatchObject([{ externalId: CHANNEL, teamId: team }]);

    connector.clear();
    await post(activity(connector.url, { ...channelFields('k3'), id: 'k3', text: '<at>Wijkwijs</at> status', entities: [mention] }));
    expect(connector.messages()[0]!.body.text).toMatch(/gekoppeld aan team team-noord/);
  });

});

describe('a linked Teams team channel', () => {
  // Installed in the channel and linked to the team, whichever of the tests above ran.
  beforeAll(async () => {
    await post(
      activity(connector.url, {
        type: 'conversationUpdate',
        membersAdded: [BOT],
        conversation: { id: CHANNEL, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        channelData: { team: { id: MSTEAMS_TEAM }, channel: { id: CHANNEL }, eventType: 'teamMemberAdded', tenant: { id: 'tenant-1' } },
      }),
    );
    await saveChannelLink(ctx.db, placeKey('msteams', CHANNEL), team);
  });

  it('answers a mention in the channel thread, with the mention stripped', async () => {
    connector.clear();
    const question = 'Hoe lang mag ik zelf kortdurende ondersteuning bieden?';
    const response = await post(activity(connector.url, { ...channelFields('c1'), id: 'c1', text: `<at>Wijkwijs</at> ${question}`, entities: [mention] }));
    expect(response.status).toBe(200);
    const [reply] = connector.messages();
    expect(reply!.conversationId).toBe(`${CHANNEL};messageid=c1`);
    expect(reply!.activityId).toBe('c1');
    expect(reply!.body.text).toMatch(/4 maanden/);
    const answerId = answerIdOf(reply!);
    const answer = await ctx.db.prisma.answer.findUniqueOrThrow({ where: { id: answerId }, include: { conversation: true } });
    expect(answer.question).toBe(question);
    expect(answer.conversation.teamId).toBe(team);
  });

  it('passes members joining a linked team to the core', async () => {
    joined.length = 0;
    await post(
      activity(connector.url, {
        type: 'conversationUpdate',
        membersAdded: [{ id: '29:new', name: 'Nieuwe Collega', aadObjectId: 'aad-new' }],
        conversation: { id: MSTEAMS_TEAM, conversationType: 'channel', isGroup: true },
        channelData: { team: { id: MSTEAMS_TEAM }, eventType: 'teamMemberAdded', tenant: { id: 'tenant-1' } },
      }),
    );
    expect(joined).toEqual([{ channel: 'msteams', teamId: team, userId: 'teams:aad-new', userName: 'Nieuwe Collega' }]);

    // Not linked: nobody hears of it.
    joined.length = 0;
    await post(activity(connector.url, { type: 'conversationUpdate', membersAdded: [{ id: '29:x', aadObjectId: 'aad-x' }], conversation: { id: '19:ander@thread.tacv2', conversationType: 'channel', isGroup: true }, channelData: { team: { id: '19:ander@thread.tacv2' } } }));
    expect(joined).toEqual([]);
  });

  it('posts "Vraag een collega" in the linked channel and closes it with Opgelost', async () => {
    // Asking in the personal chat stores its reference, so the asker can hear back there.
    connector.clear();
    await post(activity(connector.url, { text: 'Wat zijn de kernwaarden van het wijkteam?' }));
    const answerId = answerIdOf(connector.messages()[0]!);
    const handoffAction = cardActions(connector.messages()[0]!).find((a) => a.data.actionId === 'handoff.request')!;
    connector.clear();
    const response = await post(activity(connector.url, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: handoffAction.data } } }));
    expect((await response.json()).type).toBe('application/vnd.microsoft.activity.message');
    const [inChannel] = connector.messages().filter((c) => c.conversationId === CHANNEL);
    expect(inChannel!.body.text).toContain('Wat zijn de kernwaarden van het wijkteam?');
    expect(JSON.stringify(cardOf(inChannel!))).toContain('Opgelost');
    const handoff = await ctx.db.prisma.handoff.findFirstOrThrow({ where: { answerId } });
    expect(handoff).toMatchObject({ status: 'open', teamId: team });

    connector.clear();
    const resolveData = cardActions(inChannel!)[0]!.data;
    const resolved = await post(activity(connector.url, { ...channelFields('h1'), from: { id: '29:piet', name: 'Piet', aadObjectId: 'aad-piet' }, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: resolveData } } }));
    const body = await resolved.json();
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Opgelost door Piet');
    expect((await ctx.db.prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } })).status).toBe('resolved');
    // The asker hears of it in their personal chat.
    expect(connector.messages().some((c) => c.conversationId === 'a:personal-1' && /opgelost/.test(c.body.text))).toBe(true);
  });

  it('delivers messenger messages to the linked channel and updates them in place', async () => {
    connector.clear();
    const reply = { conversationId: '', text: 'Agenda teamoverleg', citations: [], actions: [{ id: 'x.rsvp', label: 'Ik kom', value: '1' }], mode: 'notice' as const, notices: [] };
    const sent = await ctx.messenger.send({ to: { teamId: team }, reply, key: 'msteams-test.agenda' });
    expect(sent.channels).toContain('msteams');
    const [posted] = connector.messages();
    expect(posted).toMatchObject({ method: 'POST', conversationId: CHANNEL, activityId: undefined });
    await ctx.messenger.send({ to: { teamId: team }, reply: { ...reply, text: 'Agenda teamoverleg (2 aanmeldingen)' }, key: 'msteams-test.agenda' });
    const update = connector.calls.find((c) => c.method === 'PUT')!;
    expect(update).toMatchObject({ conversationId: CHANNEL, activityId: posted!.responseId });
    expect(update.body.text).toBe('Agenda teamoverleg (2 aanmeldingen)');

    // A user of another channel is not Teams' business.
    const other = await ctx.messenger.send({ to: { userId: 'slack:T1:U1' }, reply });
    expect(other.channels).not.toContain('msteams');
  });
});

describe('Teams bad input', () => {
  it.each([
    ['malformed JSON', '{"type": "message",', /geen geldige JSON/],
    ['a body that is no activity', { hello: 'world' }, /geen geldig Teams-bericht/],
    ['an activity without a serviceUrl', { type: 'message', channelId: 'msteams', from: { id: 'x' }, recipient: { id: 'y' }, conversation: { id: 'z' } }, /geen geldig Teams-bericht/],
    ['an oversized body', { type: 'message', text: 'x'.repeat(600_000) }, /te groot/],
  ])('answers %s with a Dutch 400', async (_name, body, message) => {
    connector.clear();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(message);
    expect(connector.calls).toEqual([]);
  });

  it('still works after bad input', async () => {
    const response = await post(activity(connector.url, { text: 'status' }));
    expect(response.status).toBe(200);
  });

  it('never logs message text', () => {
    expect(ctx.logs.text).not.toContain('kortdurende ondersteuning');
    expect(ctx.logs.text).not.toContain('Dorpsstraat');
    expect(ctx.logs.text).not.toContain('kernwaarden');
  });
});
