/**
 * The Slack app end to end: the real web server over HTTP, payloads signed and shaped as Slack's
 * documentation shows them, and a stand-in for the Web API that records every call the app makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel, startSlack } from '../../src/channels/slack/index.ts';
import { createWebApp, startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { ConfigError, loadConfig } from '../../src/lib/config.ts';
import { changeChannelSettings, channelLink, placeKey, saveChannelLink } from '../../src/teams/channel-links.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, repoRoot } from '../support/context.ts';
import { coreValue, featureButton } from './support/flow-helpers.ts';
import {
  APP_TOKEN,
  BOT_TOKEN,
  BOT_USER,
  eventCallback,
  messageTs,
  postCommand,
  postEvent,
  postInteraction,
  SIGNING_SECRET,
  signedHeaders,
  startFakeSlack,
  WORKSPACE,
  type FakeSlack,
  type SlackCall,
  viewSubmissionPayload,
} from './support/fake-slack.ts';

let ctx: Awaited<ReturnType<typeof createTestContext>>;
let slackApi: FakeSlack;
let server: RunningServer;

const QUESTION = 'Hoe lang heb ik om de hulpvraag te verkennen?';

beforeAll(async () => {
  slackApi = await startFakeSlack();
  // Configured as an operator would: from the environment (the API URL without its trailing slash).
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_QUESTIONS_PER_MINUTE: '5', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApi.apiUrl.replace(/\/$/, '') });
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge`] });
  const web = createWebApp(ctx);
  await startSlack(ctx, web);
  server = await startWebServer(ctx, web);
  await ensureMember(ctx.db.prisma, { teamId: 'wijkteam', userId: `slack:${WORKSPACE}:UADMIN`, role: 'admin' });
  await ensureMember(ctx.db.prisma, { teamId: 'wijkteam', userId: `slack:${WORKSPACE}:UCOACH` });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
  await slackApi?.close();
});

const mention = (user: string, channel: string, text: string, extra: Record<string, unknown> = {}) => {
  const ts = messageTs();
  return { ts, payload: eventCallback({ type: 'app_mention', user, text: `<@${BOT_USER}> ${text}`, ts, channel, ...extra }) };
};
const blocksText = (call: SlackCall) => JSON.stringify(call.args.blocks ?? []);
const buttons = (call: SlackCall) =>
  (call.args.blocks as any[]).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).filter((e) => e.type === 'button');
const button = (call: SlackCall, actionId: string) => buttons(call).find((b) => b.action_id.startsWith(actionId));
/** Slack's feedback buttons element of an answer. */
const feedbackButtons = (call: SlackCall) => {
  const block = (call.args.blocks as any[]).find((b) => b.type === 'context_actions');
  const element = block?.elements.find((e: any) => e.type === 'feedback_buttons');
  if (!element) throw new Error('no feedback buttons in the answer');
  return element as { action_id: string; positive_button: { value: string; text: { text: string } }; negative_button: { value: string; text: { text: string } } };
};
/** A click on one side of the feedback buttons element, as Slack sends it. */
const feedbackClick = (user: string, channel: string, value: string, message: { ts: string; thread_ts?: string }) => {
  const click = blockAction(user, channel, { action_id: 'wijkwijs.feedback', value }, message);
  click.actions = [{ action_id: 'wijkwijs.feedback', block_id: 'wijkwijs.feedback', type: 'feedback_buttons', value, action_ts: messageTs() } as any];
  return click;
};

function blockAction(user: string, channel: string, action: { action_id: string; value: string }, message: { ts: string; thread_ts?: string }, ephemeral = false) {
  return {
    type: 'block_actions',
    user: { id: user, username: 'coach', name: 'coach', team_id: WORKSPACE },
    api_app_id: 'A0WIJKWIJS',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: ephemeral, thread_ts: message.thread_ts },
    trigger_id: `${Date.now()}.trigger`,
    team: { id: WORKSPACE, domain: 'wijkteam' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'algemeen' },
    message: { type: 'message', ts: message.ts, thread_ts: message.thread_ts, text: '…' },
    state: { values: {} },
    response_url: slackApi.responseUrl,
    actions: [{ ...action, block_id: 'wijkwijs.actions', type: 'button', text: { type: 'plain_text', text: 'knop' }, action_ts: messageTs() }],
  };
}

/** A view_submission for a modal the app opened, with the inputs filled in as Slack sends them. */
function viewSubmission(user: string, view: any, values: Record<string, string>) {
  const state: Record<string, Record<string, { type: string; value: string }>> = {};
  for (const block of view.blocks.filter((b: any) => b.type === 'input')) {
    const name = block.block_id as string;
    state[name] = { [block.element.action_id]: { type: 'plain_text_input', value: values[name] ?? block.element.initial_value ?? '' } };
  }
  return viewSubmissionPayload(user, view, state);
}

describe('request signatures', () => {
  it('answers the URL verification challenge of a signed request', async () => {
    const response = await postEvent(server.url, { token: 'x', challenge: 'uitdaging-123', type: 'url_verification' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'uitdaging-123' });
  });

  it.each([
    ['a wrong signature', (body: string) => signedHeaders(body, { secret: 'niet-het-geheim' })],
    ['a stale timestamp', (body: string) => signedHeaders(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })],
    ['no signature at all', () => ({ 'content-type': 'application/json' })],
  ])('refuses %s with 401 and does nothing', async (_label, headers) => {
    const before = slackApi.calls.length;
    const answers = await ctx.db.prisma.answer.count();
    const { payload } = mention('UCOACH', 'CALG', QUESTION);
    const body = JSON.stringify(payload);
    const response = await fetch(`${server.url}/slack/events`, { method: 'POST', headers: headers(body), body });
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(slackApi.calls.length).toBe(before);
    expect(await ctx.db.prisma.answer.count()).toBe(answers);
  });
});

describe('questions', () => {
  it('acknowledges a mention at once and answers in its thread with citations', async () => {
    const { ts, payload } = mention('UCOACH', 'CALG', QUESTION);
    const started = Date.now();
    const response = await postEvent(server.url, payload);
    const ackMs = Date.now() - started;
    expect(response.status).toBe(200);
    expect(ackMs).toBeLessThan(3000);

    const reaction = await slackApi.next('reactions.add', (a) => a.timestamp === ts);
    expect(reaction.args).toMatchObject({ channel: 'CALG', name: 'eyes' });
    const posted = await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
    expect(posted.args.channel).toBe('CALG');
    expect(posted.args.text).toMatch(/zes weken/i);
    expect(blocksText(posted)).toMatch(/\[1\]/);
    expect(blocksText(posted)).toContain('Bronnen');
    expect(button(posted, 'wijkwijs.passage')?.value).toBeTruthy();
    const feedback = feedbackButtons(posted);
    expect(feedback.positive_button.value).toMatch(/^up:/);
    expect(feedback.negative_button.value).toMatch(/^down:/);
    expect(featureButton(posted, 'handoff.request').text.text).toMatch(/Vraag een collega/);
  });

  it('answers a retried event once', async () => {
    const { ts, payload } = mention('URETRY', 'CALG', 'Wat zijn de kernwaarden?');
    const first = await postEvent(server.url, payload);
    const retry = await postEvent(server.url, payload, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
    await new Promise((r) => setTimeout(r, 500));
    expect(slackApi.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });

  it('answers a DM and continues the conversation with a follow-up', async () => {
    const dm = (text: string) => {
      const ts = messageTs();
      return { ts, payload: eventCallback({ type: 'message', channel_type: 'im', channel: 'DCOACH', user: 'UDM', text, ts }) };
    };
    const first = dm('Hoe lang mag ik zelf kortdurende ondersteuning bieden?');
    await postEvent(server.url, first.payload);
    const answer = await slackApi.next('chat.postMessage', (a) => a.channel === 'DCOACH');
    expect(answer.args.thread_ts).toBeUndefined();
    expect(answer.args.text).toMatch(/4 maanden/);
    const second = dm('En verlengen?');
    await postEvent(server.url, second.payload);
    await slackApi.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'DCOACH').length === 2);
    const threads = await ctx.db.prisma.conversationThread.findMany({ where: { threadKey: `slack:${WORKSPACE}:DCOACH:` } });
    expect(threads).toHaveLength(1);
    expect(await ctx.db.prisma.answer.count({ where: { conversationId: threads[0]!.conversationId } })).toBe(2);
  });

  it('answers a follow-up in a thread it already answers, without a new mention', async () => {
    const { ts, payload } = mention('UTHREAD', 'CTHREAD', 'Wanneer moet ik het vier-ogen principe toepassen?');
    await postEvent(server.url, payload);
    await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
    const followUp = eventCallback({ type: 'message', channel_type: 'channel', channel: 'CTHREAD', user: 'UTHREAD', text: 'En wanneer met twintig ogen?', ts: messageTs(), thread_ts: ts });
    await postEvent(server.url, followUp);
    await slackApi.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts).length === 2);
    // A message in a thread Wijkwijs is not part of stays unanswered.
    const other = messageTs();
    await postEvent(server.url, eventCallback({ type: 'message', channel_type: 'channel', channel: 'CTHREAD', user: 'UTHREAD', text: 'Wie haalt er koffie?', ts: messageTs(), thread_ts: other }));
    await new Promise((r) => setTimeout(r, 400));
    expect(slackApi.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === other)).toHaveLength(0);
  });

  it('ignores messages from bots, its own included', async () => {
    const before = slackApi.calls.length;
    const ts = messageTs();
    await postEvent(server.url, eventCallback({ type: 'message', channel_type: 'im', channel: 'DBOT', bot_id: 'BOTHER', user: 'UOTHERBOT', text: QUESTION, ts }));
    await postEvent(server.url, eventCallback({ type: 'message', subtype: 'bot_message', channel_type: 'im', channel: 'DBOT', bot_id: 'BOTHER', text: QUESTION, ts: messageTs() }));
    await postEvent(server.url, eventCallback({ type: 'message', channel_type: 'im', channel: 'DBOT', bot_id: 'BWIJK', user: BOT_USER, text: QUESTION, ts: messageTs() }));
    await new Promise((r) => setTimeout(r, 400));
    expect(slackApi.calls.slice(before).filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses team knowledge in a channel shared with another organisation', async () => {
    const flagged = mention('UEXT', 'CSHARED', QUESTION);
    await postEvent(server.url, { ...flagged.payload, is_ext_shared_channel: true });
    const refusal = await slackApi.next('chat.postEphemeral', (a) => a.channel === 'CSHARED' && a.user === 'UEXT');
    expect(refusal.args.text).toMatch(/gedeeld met een andere organisatie/);

    // Without the envelope's hint, conversations.info decides.
    slackApi.externalChannels.add('CCONNECT');
    const asked = mention('UEXT', 'CCONNECT', QUESTION);
    const { is_ext_shared_channel: _drop, ...withoutHint } = asked.payload;
    await postEvent(server.url, withoutHint);
    await slackApi.next('conversations.info', (a) => a.channel === 'CCONNECT');
    await slackApi.next('chat.postEphemeral', (a) => a.channel === 'CCONNECT');
    await new Promise((r) => setTimeout(r, 300));
    expect(slackApi.callsTo('chat.postMessage').filter((c) => ['CSHARED', 'CCONNECT'].includes(c.args.channel))).toHaveLength(0);
  });

  it('slows down one user who asks too much, in friendly Dutch', async () => {
    for (let i = 0; i < 6; i++) await postEvent(server.url, mention('UFAST', 'CFAST', `Wat zijn de kernwaarden? (${i})`).payload);
    const limited = await slackApi.next('chat.postEphemeral', (a) => a.user === 'UFAST');
    expect(limited.args.text).toMatch(/Rustig aan/);
    await slackApi.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'CFAST').length === 5);
  });

  it('posts a status first and updates it in place when the answer takes a while', async () => {
    const web = createWebApp(ctx);
    const slow = createSlackChannel(ctx, ctx.config.slack!, { statusAfterMs: 0 });
    web.use(slow.router!);
    const other = await startWebServer(ctx, web);
    try {
      const { ts, payload } = mention('USLOW', 'CSLOW', QUESTION);
      await postEvent(other.url, payload);
      const status = await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
      expect(status.args.text).toMatch(/Ik zoek in het handboek/);
      const update = await slackApi.next('chat.update', (a) => a.channel === 'CSLOW');
      expect(update.args.text).toMatch(/zes weken/i);
      expect(update.args.ts).toBeTruthy();
    } finally {
      await other.close();
    }
  });
});

describe('/vraag and buttons', () => {
  it('answers /vraag privately with "Deel in kanaal", and shares on click', async () => {
    const started = Date.now();
    const response = await postCommand(server.url, { command: '/vraag', text: QUESTION, user_id: 'UVRAAG', channel_id: 'CVRAAG', response_url: slackApi.responseUrl });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const privately = await slackApi.next('chat.postEphemeral', (a) => a.user === 'UVRAAG');
    expect(privately.args.channel).toBe('CVRAAG');
    expect(privately.args.text).toMatch(/zes weken/i);
    const share = button(privately, 'wijkwijs.share');
    expect(share).toBeTruthy();

    await postInteraction(server.url, blockAction('UVRAAG', 'CVRAAG', share, { ts: privately.args.ts ?? messageTs() }, true));
    const shared = await slackApi.next('chat.postMessage', (a) => a.channel === 'CVRAAG');
    expect(blocksText(shared)).toContain('<@UVRAAG> deelt een antwoord');
    expect(blocksText(shared)).toMatch(/\[1\]/);
  });

  it('opens the passage of a citation in a modal', async () => {
    const { ts, payload } = mention('UPASS', 'CPASS', QUESTION);
    await postEvent(server.url, payload);
    const posted = await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
    const passage = button(posted, 'wijkwijs.passage');
    await postInteraction(server.url, blockAction('UPASS', 'CPASS', passage, { ts: messageTs(), thread_ts: ts }));
    const opened = await slackApi.next('views.open', (a) => a.view?.callback_id === 'wijkwijs.passage');
    const chunk = await ctx.db.prisma.chunk.findUniqueOrThrow({ where: { id: passage.value } });
    expect(JSON.stringify(opened.args.view)).toContain(chunk.location);
    expect(opened.args.trigger_id).toBeTruthy();
  });

  it('stores a rating at the click on Slack\'s feedback buttons, and the optional comment from the modal', async () => {
    const { ts, payload } = mention('UFEED', 'CFEED', 'Wat zijn de kernwaarden?');
    await postEvent(server.url, payload);
    const posted = await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
    const { positive_button: up, negative_button: down } = feedbackButtons(posted);
    const answerId = up.value.replace(/^up:/, '');
    await postInteraction(server.url, feedbackClick('UFEED', 'CFEED', up.value, { ts: posted.result!.ts, thread_ts: ts }));
    const thanks = await slackApi.next('views.open', (a) => a.view?.callback_id === 'wijkwijs.feedback' && /hielp/.test(a.view.title.text));
    expect(await ctx.db.prisma.feedback.count({ where: { answerId, rating: 1 } })).toBe(1);
    await postInteraction(server.url, viewSubmission('UFEED', thanks.args.view, { comment: 'Precies wat ik zocht.' }));
    await slackApi.next('chat.postEphemeral', (a) => a.user === 'UFEED' && /Dank je/.test(a.text));
    expect(await ctx.db.prisma.feedback.findFirstOrThrow({ where: { answerId, userId: `slack:${WORKSPACE}:UFEED` } })).toMatchObject({ rating: 1, comment: 'Precies wat ik zocht.' });

    await postInteraction(server.url, feedbackClick('UFEED2', 'CFEED', down.value, { ts: posted.result!.ts, thread_ts: ts }));
    const modal = await slackApi.next('views.open', (a) => a.view?.callback_id === 'wijkwijs.feedback' && /klopte er niet/.test(a.view.title.text));
    // The click counts even when the modal is closed without a comment.
    expect(await ctx.db.prisma.feedback.findFirstOrThrow({ where: { answerId, userId: `slack:${WORKSPACE}:UFEED2` } })).toMatchObject({ rating: -1, comment: null });
    const submitted = await postInteraction(server.url, viewSubmission('UFEED2', modal.args.view, { comment: 'De termijn van Jan Jansen mist.' }));
    expect(submitted.status).toBe(200);
    await slackApi.next('chat.postEphemeral', (a) => a.user === 'UFEED2');
    const stored = await ctx.db.prisma.feedback.findFirstOrThrow({ where: { answerId, userId: `slack:${WORKSPACE}:UFEED2` } });
    expect(stored.rating).toBe(-1);
    // A comment is free text: stored anonymised, as before.
    expect(stored.comment).toMatch(/^De termijn van \[PERSOON-1\] mist\.$/);
  });

  it('still takes the 👍/👎 buttons of answers posted before the feedback buttons element', async () => {
    const { ts, payload } = mention('UOLDFB', 'COLDFB', 'Wat zijn de kernwaarden?');
    await postEvent(server.url, payload);
    const posted = await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
    const answerId = feedbackButtons(posted).positive_button.value.replace(/^up:/, '');
    await postInteraction(server.url, blockAction('UOLDFB', 'COLDFB', { action_id: 'wijkwijs.feedback.down', value: answerId }, { ts: posted.result!.ts, thread_ts: ts }));
    await slackApi.next('views.open', (a) => a.view?.callback_id === 'wijkwijs.feedback');
    expect(await ctx.db.prisma.feedback.count({ where: { answerId, rating: -1, userId: `slack:${WORKSPACE}:UOLDFB` } })).toBe(1);
  });
});

describe('linking a channel with /wijkwijs', () => {
  it('lets a team admin link a channel, and refuses others', async () => {
    const refused = await postCommand(server.url, { command: '/wijkwijs', text: 'koppel wijkteam', user_id: 'UCOACH', channel_id: 'CKOPPEL' });
    expect((await refused.json()).text).toMatch(/Dit mag alleen/);
    const linked = await postCommand(server.url, { command: '/wijkwijs', text: 'koppel wijkteam', user_id: 'UADMIN', channel_id: 'CKOPPEL' });
    expect((await linked.json()).text).toMatch(/gekoppeld aan team wijkteam/);
    const group = await postCommand(server.url, { command: '/wijkwijs', text: 'groep <!subteam^S0COACHES|@coaches>', user_id: 'UADMIN', channel_id: 'CKOPPEL' });
    expect((await group.json()).text).toContain('<!subteam^S0COACHES>');
    const mode = await postCommand(server.url, { command: '/wijkwijs', text: 'modus alles', user_id: 'UADMIN', channel_id: 'CKOPPEL' });
    expect((await mode.json()).text).toMatch(/elke vraag/);
    expect(await channelLink(ctx.db, placeKey('slack', `${WORKSPACE}:CKOPPEL`))).toMatchObject({ teamId: 'wijkteam', settings: { mode: 'all', handoffGroup: 'S0COACHES' } });
    const member = await postCommand(server.url, { command: '/wijkwijs', text: 'lid <@UNIEUW|nieuw>', user_id: 'UADMIN', channel_id: 'CKOPPEL' });
    expect((await member.json()).text).toMatch(/is nu lid van team wijkteam/);
    expect(await ctx.db.prisma.teamMember.count({ where: { teamId: 'wijkteam', userId: `slack:${WORKSPACE}:UNIEUW` } })).toBe(1);
  });
});

describe('team channel, hand-off and forms', () => {
  // The team's channel, answering every question, its hand-off requests calling the coaches' group.
  beforeAll(async () => {
    const place = placeKey('slack', `${WORKSPACE}:CTEAM`);
    await saveChannelLink(ctx.db, place, 'wijkteam');
    await changeChannelSettings(ctx.db, { userId: `slack:${WORKSPACE}:UADMIN` }, place, { mode: 'all', handoff: true, handoffGroup: 'S0COACHES' });
  });

  it('answers every question in a channel set to "alles"', async () => {
    const ts = messageTs();
    await postEvent(server.url, eventCallback({ type: 'message', channel_type: 'channel', channel: 'CTEAM', user: 'UCOACH', text: 'Uit welke vier onderdelen bestaat SoNeStra?', ts }));
    const posted = await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
    expect(posted.args.text).toMatch(/Netwerkkompas/);
  });

  it('hands a question to colleagues in the team channel and closes it with "Opgelost"', async () => {
    const { ts, payload } = mention('UCOACH', 'CALG', 'Mijn inwoner Jan de Vries heeft belastingschulden, waar verwijs ik naar?');
    await postEvent(server.url, payload);
    const posted = await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
    await postInteraction(server.url, blockAction('UCOACH', 'CALG', featureButton(posted, 'handoff.request'), { ts: messageTs(), thread_ts: ts }));
    const request = await slackApi.next('chat.postMessage', (a) => a.channel === 'CTEAM' && /zoekt een collega/.test(a.text));
    expect(request.args.text).toContain('<!subteam^S0COACHES>');
    expect(request.args.text).not.toContain('Jan de Vries');
    const confirmation = await slackApi.next('chat.postEphemeral', (a) => a.user === 'UCOACH' && /kanaal van team wijkteam/.test(a.text));
    expect(confirmation.args.channel).toBe('CALG');
    // A button from a message posted before hand-off became a reply action still works.
    await postInteraction(server.url, blockAction('UCOACH', 'CALG', { action_id: 'wijkwijs.handoff', value: coreValue(featureButton(posted, 'handoff.request')) }, { ts: messageTs(), thread_ts: ts }));
    await slackApi.next('chat.postEphemeral', (a) => a.user === 'UCOACH' && /staat al uit/.test(a.text));

    const resolve = featureButton(request, 'handoff.resolve');
    await postInteraction(server.url, blockAction('UADMIN', 'CTEAM', resolve, { ts: request.result!.ts }));
    const updated = await slackApi.next('chat.update', (a) => a.channel === 'CTEAM' && a.ts === request.result!.ts);
    expect(updated.args.text).toMatch(/Opgelost door <@UADMIN>/);
    expect(JSON.stringify(updated.args.blocks)).not.toContain('handoff.resolve');
    await slackApi.next('chat.postMessage', (a) => a.channel === 'DCOACH' && /opgelost/.test(a.text));
    expect(await ctx.db.prisma.handoff.findUniqueOrThrow({ where: { id: coreValue(resolve) } })).toMatchObject({ status: 'resolved', resolvedBy: `slack:${WORKSPACE}:UADMIN` });
  });

  it('renders a Reply.form as a modal and sends its submit back to the core', async () => {
    await postCommand(server.url, {
      command: '/casus',
      text: 'Inwoner Piet Jansen (06-12345678) raakte zijn baan kwijt; het team besloot tot schuldhulp via de sociale raadslieden.',
      user_id: 'UCOACH',
      channel_id: 'DCOACH2',
      response_url: slackApi.responseUrl,
    });
    const modal = await slackApi.next('views.open', (a) => a.view?.callback_id === 'wijkwijs.form');
    const input = modal.args.view.blocks.find((b: any) => b.type === 'input');
    expect(input.element.initial_value).not.toContain('Piet Jansen');
    // In a DM the reply is a normal message, so it stays in the conversation (an ephemeral one vanishes).
    const message = await slackApi.next('chat.postMessage', (a) => a.channel === 'DCOACH2' && button({ method: '', args: a, at: 0 }, 'wijkwijs.form.open'));
    expect(slackApi.callsTo('chat.postEphemeral').filter((c) => c.args.channel === 'DCOACH2')).toHaveLength(0);
    expect(message.args.text).not.toContain('Piet Jansen');

    await postInteraction(server.url, viewSubmission('UCOACH', modal.args.view, {}));
    const done = await slackApi.next('chat.postMessage', (a) => a.channel === 'DCOACH2' && /opgeslagen/i.test(a.text));
    expect(done.args.thread_ts).toBeUndefined();
  });

  it('shows recent questions and open hand-offs on App Home', async () => {
    await postEvent(server.url, eventCallback({ type: 'app_home_opened', user: 'UCOACH', channel: 'DCOACH', tab: 'home', ts: messageTs() }));
    const home = await slackApi.next('views.publish', (a) => a.user_id === 'UCOACH');
    const text = JSON.stringify(home.args.view);
    expect(text).toContain('Je recente vragen');
    expect(text).toMatch(/Wijkteam|wijkteam/);
  });
});

describe('Socket Mode', () => {
  it('connects with the app token and answers events and commands over the socket', async () => {
    const socket = createSlackChannel(ctx, { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: slackApi.apiUrl });
    await socket.start();
    try {
      expect(slackApi.callsTo('apps.connections.open').length).toBeGreaterThan(0);
      const { ts, payload } = mention('USOCK', 'CSOCK', QUESTION);
      const { ackedAfterMs } = await slackApi.sendEnvelope('events_api', payload);
      expect(ackedAfterMs).toBeLessThan(3000);
      const posted = await slackApi.next('chat.postMessage', (a) => a.thread_ts === ts);
      expect(posted.args.text).toMatch(/zes weken/i);

      await slackApi.sendEnvelope('slash_commands', {
        token: 'legacy-verification-token', team_id: WORKSPACE, channel_id: 'CSOCK', user_id: 'USOCK', command: '/vraag', text: 'Wat zijn de kernwaarden?',
        response_url: slackApi.responseUrl, trigger_id: `${Date.now()}.trigger`, api_app_id: 'A0WIJKWIJS',
      });
      await slackApi.next('chat.postEphemeral', (a) => a.channel === 'CSOCK' && a.user === 'USOCK');
    } finally {
      await socket.stop();
    }
  });
});

describe('privacy in logs', () => {
  it('never logs the text of a question', async () => {
    const { payload } = mention('UCOACH', 'CALG', 'Mag ik voor Jan de Vries zelf de hulpvraag te verkennen?');
    await postEvent(server.url, payload);
    // The line is written once the answer went out.
    await expect.poll(() => ctx.logs.text, { timeout: 15_000 }).toContain('slack question answered');
    expect(ctx.logs.text).not.toContain('hulpvraag te verkennen');
    expect(ctx.logs.text).not.toContain('Jan de Vries');
    expect(ctx.logs.text).not.toContain('Piet Jansen');
  });
});

describe('configuration', () => {
  const load = (env: Record<string, string>) => loadConfig(env, '/nonexistent/.env');
  it('runs without Slack when no bot token is set', () => {
    expect(load({}).slack).toBeUndefined();
  });
  it('asks for the secret each mode needs, in Dutch', () => {
    expect(() => load({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(ConfigError);
    expect(() => load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'socket' })).toThrow(/SLACK_APP_TOKEN/);
    expect(load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_MODE: 'socket', SLACK_APP_TOKEN: 'xapp-1' }).slack).toMatchObject({ mode: 'socket', appToken: 'xapp-1' });
  });
});
