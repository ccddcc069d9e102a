/**
 * What features need from Slack, end to end through the real HTTP server and Bolt: forms with every
 * field kind, commands without text, buttons whose reply replaces their message, the assistant's own
 * messages (team channel, DM, updated in place) and members joining a linked channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, MemberJoined } from '../../src/assistant/context.ts';
import { notice } from '../../src/assistant/feature-kit.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { startSlack } from '../../src/channels/slack/index.ts';
import { changeChannelSettings, placeKey, saveChannelLink } from '../../src/teams/channel-links.ts';
import { createWebApp, startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { FEATURES } from '../../src/features.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext } from '../support/context.ts';
import { BOT_TOKEN, BOT_USER, eventCallback, messageTs, postCommand, postEvent, postInteraction, SIGNING_SECRET, startFakeSlack, WORKSPACE, type FakeSlack, type SlackCall, viewSubmissionPayload } from './support/fake-slack.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
let slackApi: FakeSlack;
let server: RunningServer;

const TEAM = 'team-slackfeat';
const turns: Turn[] = [];
const joined: MemberJoined[] = [];

const FORM_REPLY = (turn: Turn): Reply => ({
  ...notice(turn, 'Vul het formulier in.'),
  form: {
    id: 'overleg-1',
    title: 'Casus inbrengen',
    fields: [
      { name: 'toelichting', label: 'Toelichting', value: '', multiline: true, optional: true, hint: 'Zonder namen van inwoners.' },
      { name: 'soort', label: 'Soort overleg', value: 'vier', kind: 'select', options: [{ value: 'twintig', label: 'Twintig ogen' }, { value: 'vier', label: 'Vier ogen' }, { value: 'intervisie', label: 'Intervisie' }] },
      { name: 'datum', label: 'Datum', value: '2026-03-05', kind: 'date' },
      { name: 'tijd', label: 'Tijd', value: '09:30', kind: 'time' },
      { name: 'aantal', label: 'Aantal collega’s', value: '3', kind: 'number' },
    ],
    submit: { id: 'slacktest.submit', label: 'Inbrengen' },
    cancel: { id: 'slacktest.cancel', label: 'Annuleren' },
  },
});

const TEST_FEATURE: Feature = {
  commands: {
    slacktest: async (_ctx, turn, args) => {
      turns.push(turn);
      if (args === 'formulier') return FORM_REPLY(turn);
      return notice(turn, `Opdracht ontvangen (${args || 'zonder tekst'}).`);
    },
  },
  actionPrefix: 'slacktest',
  onAction: async (_ctx, turn, action) => {
    turns.push(turn);
    if (action.id === 'slacktest.submit') return notice(turn, `Ontvangen: ${Object.entries(action.fields ?? {}).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    if (action.id === 'slacktest.rsvp') return { ...notice(turn, `Aanmelding verwerkt voor ${action.value}.`), replacesSource: true };
    return notice(turn, 'Onbekend.');
  },
  onMemberJoined: async (_ctx, event) => {
    joined.push(event);
  },
};

beforeAll(async () => {
  slackApi = await startFakeSlack();
  ctx = await createTestContext({ PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApi.apiUrl }, undefined, undefined, [...FEATURES, TEST_FEATURE]);
  const web = createWebApp(ctx);
  await startSlack(ctx, web);
  server = await startWebServer(ctx, web);
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: `slack:${WORKSPACE}:UCOACH` });
  // Two linked channels; the second is made the team channel, so messages must go there, not to the first.
  await saveChannelLink(ctx.db, placeKey('slack', `${WORKSPACE}:CFIRST`), TEAM);
  await saveChannelLink(ctx.db, placeKey('slack', `${WORKSPACE}:CTEAMKANAAL`), TEAM);
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: `slack:${WORKSPACE}:ULEAD`, role: 'lead' });
  await changeChannelSettings(ctx.db, { userId: `slack:${WORKSPACE}:ULEAD` }, placeKey('slack', `${WORKSPACE}:CTEAMKANAAL`), { handoff: true });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
  await slackApi?.close();
});

const buttons = (call: SlackCall) =>
  ((call.args.blocks ?? []) as any[]).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).filter((e) => e.type === 'button');
const button = (call: SlackCall, actionId: string) => buttons(call).find((b) => b.action_id.startsWith(actionId));
const lastTurn = () => turns.at(-1)!;

function blockAction(user: string, channel: string, action: { action_id: string; value: string }, messageTsValue: string) {
  return {
    type: 'block_actions',
    user: { id: user, username: 'coach', name: 'coach', team_id: WORKSPACE },
    api_app_id: 'A0WIJKWIJS',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTsValue, channel_id: channel, is_ephemeral: false },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: WORKSPACE, domain: 'wijkteam' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'teamkanaal' },
    message: { type: 'message', ts: messageTsValue, text: '…', bot_id: 'BWIJK' },
    state: { values: {} },
    response_url: slackApi.responseUrl,
    actions: [{ ...action, block_id: 'wijkwijs.actions', type: 'button', text: { type: 'plain_text', text: 'knop' }, action_ts: messageTs() }],
  };
}


describe('commands of features', () => {
  it('passes a command without text on to the feature, with the team of the linked channel', async () => {
    const before = turns.length;
    const response = await postCommand(server.url, { command: '/slacktest', text: '', user_id: 'UCOACH', channel_id: 'CFIRST', response_url: slackApi.responseUrl });
    expect(response.status).toBe(200);
    const reply = await slackApi.next('chat.postEphemeral', (a) => a.user === 'UCOACH' && /zonder tekst/.test(a.text));
    expect(reply.args.channel).toBe('CFIRST');
    expect(turns.length).toBe(before + 1);
    expect(lastTurn()).toMatchObject({ channel: 'slack', text: '/slacktest', teamId: TEAM, userId: `slack:${WORKSPACE}:UCOACH` });
  });

  it('still asks for a question behind /vraag', async () => {
    const response = await postCommand(server.url, { command: '/vraag', text: ' ', user_id: 'UCOACH', channel_id: 'CFIRST' });
    expect((await response.json()).text).toMatch(/Typ je vraag/);
  });
});

describe('forms with every field kind', () => {
  it('opens a modal with the right elements and initial values, and brings the submitted values to the core by name', async () => {
    await postCommand(server.url, { command: '/slacktest', text: 'formulier', user_id: 'UCOACH', channel_id: 'CFIRST', response_url: slackApi.responseUrl });
    const modal = await slackApi.next('views.open', (a) => a.view?.callback_id === 'wijkwijs.form' && JSON.stringify(a.view).includes('Soort overleg'));
    const view = modal.args.view;
    const block = (name: string) => view.blocks.find((b: any) => b.block_id.startsWith(`field:${name}`));

    expect(block('toelichting')).toMatchObject({ optional: true, hint: { type: 'plain_text', text: 'Zonder namen van inwoners.' }, element: { type: 'plain_text_input', multiline: true } });
    const select = block('soort');
    expect(select.optional).toBe(false);
    expect(select.element.type).toBe('static_select');
    expect(select.element.options.map((o: any) => o.value)).toEqual(['twintig', 'vier', 'intervisie']);
    expect(select.element.initial_option).toEqual({ text: { type: 'plain_text', text: 'Vier ogen', emoji: true }, value: 'vier' });
    expect(block('datum').element).toMatchObject({ type: 'datepicker', initial_date: '2026-03-05' });
    expect(block('tijd').element).toMatchObject({ type: 'timepicker', initial_time: '09:30' });
    expect(block('aantal').element).toMatchObject({ type: 'number_input', is_decimal_allowed: false, initial_value: '3' });

    const state = {
      [block('toelichting').block_id]: { value: { type: 'plain_text_input', value: 'Gezin met schulden' } },
      [select.block_id]: { value: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: 'Intervisie', emoji: true }, value: 'intervisie' } } },
      [block('datum').block_id]: { value: { type: 'datepicker', selected_date: '2026-03-12' } },
      [block('tijd').block_id]: { value: { type: 'timepicker', selected_time: '14:15' } },
      [block('aantal').block_id]: { value: { type: 'number_input', value: '5' } },
    };
    const submitted = await postInteraction(server.url, viewSubmissionPayload('UCOACH', view, state));
    expect(submitted.status).toBe(200);
    const done = await slackApi.next('chat.postEphemeral', (a) => a.user === 'UCOACH' && /Ontvangen/.test(a.text));
    expect(done.args.channel).toBe('CFIRST');
    const submit = turns.find((t) => t.action?.id === 'slacktest.submit')!;
    expect(submit.action!.fields).toEqual({ toelichting: 'Gezin met schulden', soort: 'intervisie', datum: '2026-03-12', tijd: '14:15', aantal: '5' });
    expect(submit.action!.value).toBe('overleg-1');
    expect(submit.teamId).toBe(TEAM);
  });

  it('sends an empty optional field and an unset select back as empty strings', async () => {
    await postCommand(server.url, { command: '/slacktest', text: 'formulier', user_id: 'UCOACH', channel_id: 'DCOACH', response_url: slackApi.responseUrl });
    const modal = await slackApi.next('views.open', (a) => JSON.parse(a.view?.private_metadata ?? '{}').channel === 'DCOACH');
    const view = modal.args.view;
    const state = Object.fromEntries(
      view.blocks.map((b: any) => [b.block_id, { value: b.element.type === 'static_select' ? { type: 'static_select', selected_option: null } : { type: b.element.type, value: null } }]),
    );
    const before = turns.length;
    await postInteraction(server.url, viewSubmissionPayload('UCOACH', view, state));
    await slackApi.next('chat.postMessage', (a) => a.channel === 'DCOACH' && /Ontvangen/.test(a.text));
    const submit = turns.slice(before).find((t) => t.action?.id === 'slacktest.submit')!;
    expect(submit.action!.fields).toMatchObject({ toelichting: '', soort: '' });
    // A DM belongs to no team.
    expect(submit.teamId).toBeUndefined();
  });
});

describe('messages on the assistant’s own initiative', () => {
  let posted: SlackCall;

  it('posts a team message in the team channel and updates it in place when sent again with the same key', async () => {
    const reply: Reply = { ...notice({ channel: 'slack', userId: 'system' }, 'Agenda teamoverleg: 2 casussen.'), actions: [{ id: 'slacktest.rsvp', label: 'Ik kom', value: 'overleg-42', style: 'primary' }] };
    const sent = await ctx.messenger.send({ to: { teamId: TEAM }, reply, key: 'slacktest.agenda' });
    expect(sent.channels).toContain('slack');
    posted = await slackApi.next('chat.postMessage', (a) => /Agenda teamoverleg/.test(a.text));
    expect(posted.args.channel).toBe('CTEAMKANAAL');
    expect(button(posted, 'wijkwijs.act')).toBeTruthy();

    await ctx.messenger.send({ to: { teamId: TEAM }, reply: { ...reply, text: 'Agenda teamoverleg: 3 casussen.' }, key: 'slacktest.agenda' });
    const updated = await slackApi.next('chat.update', (a) => /3 casussen/.test(a.text));
    expect(updated.args).toMatchObject({ channel: 'CTEAMKANAAL', ts: posted.result!.ts });
    expect(slackApi.callsTo('chat.postMessage').filter((c) => /Agenda teamoverleg/.test(c.args.text))).toHaveLength(1);
  });

  it('replaces the message that carried a button when the reply says so, with the team of the channel in the turn', async () => {
    const before = turns.length;
    await postInteraction(server.url, blockAction('UCOACH', 'CTEAMKANAAL', button(posted, 'wijkwijs.act'), posted.result!.ts));
    const replaced = await slackApi.next('chat.update', (a) => /Aanmelding verwerkt voor overleg-42/.test(a.text));
    expect(replaced.args).toMatchObject({ channel: 'CTEAMKANAAL', ts: posted.result!.ts });
    expect(turns.slice(before)[0]).toMatchObject({ teamId: TEAM, action: { id: 'slacktest.rsvp', value: 'overleg-42' } });
    expect(slackApi.callsTo('chat.postEphemeral').filter((c) => /Aanmelding verwerkt/.test(c.args.text))).toHaveLength(0);
  });

  it('replaces a private (ephemeral) message through its response_url', async () => {
    // The button as the renderer makes it for a feature action, in a message only this user sees.
    const privately = blockAction('UCOACH', 'CFIRST', { action_id: 'wijkwijs.act:0', value: JSON.stringify({ id: 'slacktest.rsvp', value: 'prive-1' }) }, messageTs());
    privately.container = { ...privately.container, is_ephemeral: true };
    await postInteraction(server.url, privately);
    const replaced = await slackApi.next('response_url', (a) => /prive-1/.test(a.text ?? ''));
    expect(replaced.args.replace_original).toBe(true);
    expect(slackApi.callsTo('chat.update').filter((c) => /prive-1/.test(c.args.text))).toHaveLength(0);
  });

  it('opens the form of a team message for a team member, and for nobody else', async () => {
    const reply: Reply = { ...FORM_REPLY({ channel: 'slack', userId: 'system' }), text: 'Breng je casus in voor vrijdag.' };
    await ctx.messenger.send({ to: { teamId: TEAM }, reply });
    const message = await slackApi.next('chat.postMessage', (a) => /Breng je casus in/.test(a.text));
    const open = button(message, 'wijkwijs.form.notification');
    expect(open).toBeTruthy();

    await postInteraction(server.url, blockAction('UONBEKEND', 'CTEAMKANAAL', open, message.result!.ts));
    await slackApi.next('chat.postEphemeral', (a) => a.user === 'UONBEKEND' && /niet voor jou/.test(a.text));

    await postInteraction(server.url, blockAction('UCOACH', 'CTEAMKANAAL', open, message.result!.ts));
    const modal = await slackApi.next('views.open', (a) => JSON.parse(a.view?.private_metadata ?? '{}').sourceTs === message.result!.ts);
    expect(JSON.parse(modal.args.view.private_metadata)).toMatchObject({ teamId: TEAM, channel: 'CTEAMKANAAL' });
    expect(modal.args.view.blocks.map((b: any) => b.element.type)).toEqual(['plain_text_input', 'static_select', 'datepicker', 'timepicker', 'number_input']);
  });

  it('sends a message for one Slack colleague as a DM, and leaves web users to the web chat', async () => {
    const dm = await ctx.messenger.send({ to: { userId: `slack:${WORKSPACE}:UCOLLEGA` }, reply: notice({ channel: 'slack', userId: 'system' }, 'Wil je meekijken bij een indicatie?'), key: 'slacktest.dm' });
    expect(dm.channels).toContain('slack');
    const opened = await slackApi.next('conversations.open', (a) => a.users === 'UCOLLEGA');
    const message = await slackApi.next('chat.postMessage', (a) => /meekijken/.test(a.text));
    expect(message.args.channel).toBe(opened.result!.channel.id);

    await ctx.messenger.send({ to: { userId: `slack:${WORKSPACE}:UCOLLEGA` }, reply: notice({ channel: 'slack', userId: 'system' }, 'Al geregeld, dank je.'), key: 'slacktest.dm' });
    const updated = await slackApi.next('chat.update', (a) => /Al geregeld/.test(a.text));
    expect(updated.args).toMatchObject({ channel: opened.result!.channel.id, ts: message.result!.ts });

    const web = await ctx.messenger.send({ to: { userId: 'web:local' }, reply: notice({ channel: 'web', userId: 'system' }, 'Alleen in de webchat.') });
    expect(web.channels).toEqual(['web']);
  });
});

describe('members joining a linked channel', () => {
  const joinedEvent = (user: string, channel: string) => eventCallback({ type: 'member_joined_channel', user, channel, channel_type: 'C', team: WORKSPACE, inviter: 'UCOACH', ts: messageTs() });

  it('tells the features who joined, once, and only for linked channels and people', async () => {
    const first = joinedEvent('UNIEUW', 'CTEAMKANAAL');
    await postEvent(server.url, first);
    await postEvent(server.url, first, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await postEvent(server.url, joinedEvent('UANDER', 'CNIETGEKOPPELD'));
    await postEvent(server.url, joinedEvent(BOT_USER, 'CTEAMKANAAL'));
    await expect.poll(() => joined.length).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 400));
    expect(joined).toEqual([{ channel: 'slack', teamId: TEAM, userId: `slack:${WORKSPACE}:UNIEUW`, userName: 'Collega UNIEUW' }]);
  });
});
