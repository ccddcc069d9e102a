/**
 * The consultation flows end to end through Slack: the real Bolt app over HTTP, signed slash
 * commands, clicks on the buttons the bot posted, submits of the modals it opened, and the clock
 * moved on to let the jobs run. Asserts what the bot posted to the Slack stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../src/channels/slack/index.ts';
import { createWebApp, startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { FEATURE_JOBS } from '../../src/features.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, LogCapture } from '../support/context.ts';
import { BOT_TOKEN, eventCallback, messageTs, postEvent, SIGNING_SECRET, startFakeSlack, type FakeSlack, type SlackCall } from './support/fake-slack.ts';
import { coreValue, createDriver, featureButton, field, formButton, modalOf } from './support/flow-helpers.ts';
import { expectNoRawIds, recordReplies } from '../support/raw-ids.ts';
import { requestCheck } from './support/vier-ogen.ts';
import { dm, sid } from './support/slack-app.ts';

const clock = new ManualClock('2026-03-02T08:00:00Z'); // Monday 09:00 in Amsterdam
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let said: ReturnType<typeof recordReplies> = [];
let slackApi: FakeSlack;
let server: RunningServer;
let slack: ReturnType<typeof createDriver>;

const text = (call: SlackCall) => `${call.args.text ?? ''}\n${JSON.stringify(call.args.blocks ?? [])}`;

beforeAll(async () => {
  slackApi = await startFakeSlack();
  ctx = await createTestContext({ PORT: '0', SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slackApi.apiUrl }, new LogCapture(), clock);
  said = recordReplies(ctx);
  const web = createWebApp(ctx);
  await startSlack(ctx, web);
  server = await startWebServer(ctx, web);
  slack = createDriver(slackApi, () => server.url);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await ctx?.close();
  await slackApi?.close();
});

async function linkTeamChannel(admin: string, channel: string, teamId: string): Promise<void> {
  const linked = await slack.command(admin, channel, '/wijkwijs', `koppel ${teamId}`);
  expect((await linked.json()).text).toMatch(new RegExp(`gekoppeld aan team ${teamId}`));
  const teamChannel = await slack.command(admin, channel, '/wijkwijs', 'teamkanaal');
  expect((await teamChannel.json()).text).toMatch(/Hulpvragen van team .* komen voortaan in dit kanaal/);
}

describe('twintig ogen through Slack', () => {
  const TEAM = 'sl-twintig';
  const CHANNEL = 'CTWINTIG';
  const [ADMIN, LEAD, COACH, ANNA] = ['UTWADMIN', 'UTWLEAD', 'UTWCOACH', 'UTWANNA'];
  let announcement: SlackCall;
  let requestId = '';

  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(ADMIN), displayName: 'Ada Admin', role: 'admin' });
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(LEAD), displayName: 'Lotte Leider', role: 'lead' });
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(COACH), displayName: 'Cas Coach' });
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(ANNA), displayName: 'Anna' });
  });

  it('links the channel and lets the lead set the rhythm with /teamritme', async () => {
    clock.set('2026-03-02T08:00:00Z');
    await linkTeamChannel(ADMIN, CHANNEL, TEAM);
    await slack.command(COACH, CHANNEL, '/teamritme', 'dag=di elke=2 vanaf=2026-03-10');
    // A refusal goes back privately through the command's response_url.
    const refused = await slack.next('response_url');
    expect(refused.args).toMatchObject({ response_type: 'ephemeral' });
    expect(refused.args.text).toMatch(/teamleider|procesbegeleider|mag alleen/i);
    await slack.command(LEAD, CHANNEL, '/teamritme', 'dag=di elke=2 vanaf=2026-03-10 van=10:00 tot=12:00 casussen=2 minuten=30');
    const set = await slack.next('chat.postEphemeral', (a) => a.user === LEAD);
    expect(set.args.channel).toBe(CHANNEL);
    expect(set.args.text).toMatch(/Om de 2 weken op dinsdag, 10:00–12:00/);
  });

  it('asks with a modal, shows the anonymised text to confirm, and announces the case in the team channel', async () => {
    await slack.command(COACH, CHANNEL, '/twintigogen');
    const modal = await slack.next('views.open', modalOf(/^Casus voor het teamov/));
    expect(JSON.parse(modal.args.view.private_metadata)).toMatchObject({ channel: CHANNEL, teamId: TEAM });
    const dilemma = field(modal, 'dilemma');
    expect(dilemma.element.type).toBe('static_select');
    const eigenKracht = (dilemma.element.options as any[]).find((o) => /Eigen kracht/.test(o.text.text));
    expect(eigenKracht).toBeTruthy();
    expect(field(modal, 'latest_date').element.type).toBe('datepicker');
    expect(field(modal, 'summary').element).toMatchObject({ type: 'plain_text_input', multiline: true });

    await slack.submit(COACH, modal, {
      summary: 'Mevrouw Fatima Bouzid (45) woont aan de Dorpsstraat 12 met ernstige woningvervuiling en weigert hulp.',
      dilemma: eigenKracht.value,
      question: 'Bieden we bemoeizorg aan of wachten we?',
    });
    const check = await slack.next('chat.postEphemeral', (a) => a.user === COACH && /Zo deel ik je casus/.test(a.text));
    expect(check.args.channel).toBe(CHANNEL);
    expect(text(check)).toMatch(/vervangen/);
    expect(text(check)).not.toMatch(/Bouzid|Dorpsstraat/);

    await slack.click(COACH, check, formButton(check));
    const confirm = await slack.next('views.open', modalOf(/^Controleer je casus/));
    const summary = field(confirm, 'summary').element.initial_value as string;
    expect(summary).toMatch(/woningvervuiling/);
    expect(summary).not.toMatch(/Bouzid|Fatima|Dorpsstraat/);
    requestId = JSON.parse(confirm.args.view.private_metadata).formId;

    await slack.submit(COACH, confirm, {});
    announcement = await slack.next('chat.postMessage', (a) => a.channel === CHANNEL && /Twintig-ogen casus van <@UTWCOACH>/.test(a.text));
    // Slack mentions the requester; what the web chat and Teams read of the same message names them.
    const item = await ctx.db.prisma.notification.findFirstOrThrow({ where: { teamId: TEAM, key: { startsWith: 'twintig.item:' } } });
    expect((item.reply as { text: string }).text).toMatch(/^Twintig-ogen casus van Cas Coach/);
    expect(text(announcement)).toMatch(/Dilemma: 3\. Eigen kracht/);
    expect(text(announcement)).not.toMatch(/Bouzid|Dorpsstraat/);
    expect(featureButton(announcement, 'twintig.rsvp').text.text).toBe('Ik denk mee (0)');
    const placed = await slack.next('chat.postEphemeral', (a) => a.user === COACH && /op de agenda van het teamoverleg/.test(a.text));
    expect(placed.args.text).toMatch(/dinsdag 10 maart 2026 10:00 \(punt 1\)/);
    const stored = JSON.stringify(await ctx.db.sql.query('SELECT * FROM consultation_request WHERE team_id = $1', [TEAM]));
    expect(stored).not.toMatch(/Bouzid|Fatima|Dorpsstraat/);
  });

  it('counts a colleague who clicks "Ik denk mee" in the same message', async () => {
    await slack.click(ANNA, announcement, featureButton(announcement, 'twintig.rsvp'));
    const updated = await slack.next('chat.update', (a) => a.channel === CHANNEL && a.ts === announcement.result!.ts);
    expect(featureButton(updated, 'twintig.rsvp').text.text).toBe('Ik denk mee (1)');
    expect(updated.args.text).toMatch(/Denken mee: 1 \(<@UTWANNA>\)/);
    await slack.next('chat.postEphemeral', (a) => a.user === ANNA && /je denkt mee/.test(a.text));
    await slack.none('chat.postMessage', (a) => a.channel === CHANNEL);
  });

  it('posts the agenda in the team channel at 16:00 the day before', async () => {
    clock.set('2026-03-09T14:59:00Z');
    slack.step();
    await runDueJobs(ctx, FEATURE_JOBS);
    await slack.none('chat.postMessage', (a) => a.channel === CHANNEL);
    clock.set('2026-03-09T15:00:00Z'); // 16:00 in Amsterdam
    await runDueJobs(ctx, FEATURE_JOBS);
    const agenda = await slack.next('chat.postMessage', (a) => a.channel === CHANNEL && /^Agenda twintig ogen/.test(a.text));
    expect(agenda.args.text).toMatch(/dinsdag 10 maart 2026 10:00/);
    expect(agenda.args.text).toMatch(/1\. 3\. Eigen kracht of kracht van buiten\? \(inbrenger: <@UTWCOACH>, 1 denken mee\)/);
    expect(agenda.args.text).toMatch(/Verhelderende vragen/);
  });

  it('asks the requester for the outcome by DM after the meeting and stores it for the team', async () => {
    clock.set('2026-03-10T11:00:00Z'); // 12:00, the meeting's end
    slack.step();
    await runDueJobs(ctx, FEATURE_JOBS);
    const ask = await slack.next('chat.postMessage', (a) => a.channel === dm(COACH) && /Hoe ging de casusbespreking/.test(a.text));
    expect(coreValue(featureButton(ask, 'twintig.outcome-open'))).toBe(requestId);
    // The facilitators (lead and admin) are asked too.
    await slack.next('chat.postMessage', (a) => a.channel === dm(LEAD) && /Hoe ging de casusbespreking/.test(a.text));

    await slack.click(COACH, ask, featureButton(ask, 'twintig.outcome-open'));
    const form = await slack.next('views.open', modalOf(/^Uitkomst van de casusbe/));
    expect(JSON.parse(form.args.view.private_metadata).channel).toBe(dm(COACH));
    expect(field(form, 'followup_due').element.type).toBe('datepicker');
    await slack.submit(COACH, form, {
      advice: 'Ga samen met de GGD langs bij mevrouw Bouzid; begin bij wat zij zelf wil opruimen in de woning.',
      agreements: 'De coach plant een huisbezoek met de GGD over de woningvervuiling.',
    });
    const check = await slack.next('chat.postMessage', (a) => a.channel === dm(COACH) && /Zo leg ik de casusbespreking vast/.test(a.text));
    await slack.click(COACH, check, formButton(check));
    const confirm = await slack.next('views.open', modalOf(/^Controleer de uitkomst/));
    expect(field(confirm, 'advice').element.initial_value).not.toMatch(/Bouzid/);
    await slack.submit(COACH, confirm, {});
    const stored = await slack.next('chat.postMessage', (a) => a.channel === dm(COACH) && /^Opgeslagen als "Casusbespreking dinsdag 10 maart 2026/.test(a.text));
    expect(stored.args.text).toMatch(/Alleen jullie team/);
    const closed = await slack.next('chat.update', (a) => a.ts === announcement.result!.ts);
    expect(closed.args.text).toMatch(/is besproken/);
  });

  it('finds the stored casusbespreking for a later /vraag in the team channel', async () => {
    await slack.command(ANNA, CHANNEL, '/vraag', 'Hebben we eerder een vergelijkbare casus besproken over woningvervuiling?');
    const answer = await slack.next('chat.postEphemeral', (a) => a.user === ANNA && a.channel === CHANNEL);
    expect(text(answer)).toMatch(/Bronnen/);
    expect(answer.args.text).toMatch(/\[\d+\] Casusbespreking dinsdag 10 maart 2026/);
    expect(text(answer)).not.toMatch(/Bouzid/);
  });
});

describe('vier ogen through Slack', () => {
  const TEAM = 'sl-vierogen';
  const CHANNEL = 'CVIEROGEN';
  const [ADMIN, REQUESTER, BEA, COR] = ['UVOADMIN', 'UVOREQ', 'UVOBEA', 'UVOCOR'];
  const colleagues = [ADMIN, BEA, COR];

  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(ADMIN), displayName: 'Ad Admin', role: 'admin' });
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(REQUESTER), displayName: 'Rik Aanvrager' });
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(BEA), displayName: 'Bea' });
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(COR), displayName: 'Cor' });
  });

  const check = (indication: string) => requestCheck(slack, { requester: REQUESTER, channel: CHANNEL, colleagues, indication });

  it('asks a colleague by DM, who agrees; their DM is updated and the requester hears it', async () => {
    clock.set('2026-03-11T09:00:00Z');
    await linkTeamChannel(ADMIN, CHANNEL, TEAM);
    const { reviewer, ask } = await check('Ambulante jeugdhulp voor het gezin van dhr. Jansen bij aanbieder X vanwege gedragsproblemen.');
    // The colleague's App Home says a judgement waits for them.
    slack.step();
    await postEvent(server.url, eventCallback({ type: 'app_home_opened', user: reviewer, channel: dm(reviewer), tab: 'home', ts: messageTs() }));
    const home = await slack.next('views.publish', (a) => a.user_id === reviewer);
    expect(JSON.stringify(home.args.view)).toMatch(/Voor jou.*een collega wacht op jouw oordeel/);
    await slack.click(reviewer, ask, featureButton(ask, 'vierogen.agree'));
    const result = await slack.next('chat.postMessage', (a) => a.channel === dm(REQUESTER));
    await slack.next('chat.update', (a) => a.channel === ask.args.channel && a.ts === ask.result!.ts);
    await new Promise((r) => setTimeout(r, 200));
    // The question in the colleague's DM, as it stands in the end: the decision, with what it was about, and no buttons.
    const updates = slackApi.calls.filter((c) => c.method === 'chat.update' && c.args.ts === ask.result!.ts);
    const final = updates.at(-1)!;
    expect(final.args.channel).toBe(ask.args.channel);
    expect(final.args.text).toMatch(/Je gaf akkoord/);
    expect(final.args.text).toMatch(/Ambulante jeugdhulp/);
    expect(() => featureButton(final, 'vierogen.agree')).toThrow();
    expect(result.args.text).toMatch(/heeft je vier-ogen check bekeken: akkoord/);
  });

  it('moves on to the next colleague when the first does not answer in time', async () => {
    clock.set('2026-03-11T10:00:00Z');
    const { reviewer: first, ask } = await check('Begeleid wonen bij aanbieder Y, want zelfstandig wonen lukt niet meer.');
    clock.advance(4 * 60 * 60_000 - 60_000);
    slack.step();
    await runDueJobs(ctx, FEATURE_JOBS);
    await slack.none('chat.postMessage', (a) => /vraagt je om een vier-ogen check/.test(a.text));
    clock.advance(60_000);
    await runDueJobs(ctx, FEATURE_JOBS);
    const expired = await slack.next('chat.update', (a) => a.channel === ask.args.channel && a.ts === ask.result!.ts);
    expect(expired.args.text).toMatch(/verstreken/);
    const second = await slack.next('chat.postMessage', (a) => a.channel.startsWith('D') && /vraagt je om een vier-ogen check/.test(a.text));
    expect(second.args.channel).not.toBe(dm(first));
    expect(colleagues.map(dm)).toContain(second.args.channel);
    // The first colleague's late click is refused, in their own DM.
    await slack.click(first, ask, featureButton(ask, 'vierogen.agree'));
    await slack.next('chat.postMessage', (a) => a.channel === dm(first) && /al afgehandeld|andere collega/.test(a.text));
    await slack.none('chat.postMessage', (a) => a.channel === dm(REQUESTER) && /akkoord/.test(a.text));
  });
});

describe('intervisie through Slack', () => {
  const TEAM = 'sl-intervisie';
  const CHANNEL = 'CINTERVISIE';
  const [ADMIN, LEAD, A, B, C] = ['UIVADMIN', 'UIVLEAD', 'UIVA', 'UIVB', 'UIVC'];
  let announcement: SlackCall;

  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(ADMIN), displayName: 'Iris Admin', role: 'admin' });
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(LEAD), displayName: 'Lies Leider', role: 'lead' });
    for (const [u, name] of [[A, 'Aart'], [B, 'Bo'], [C, 'Cees']] as const) await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: sid(u), displayName: name });
  });

  it('lets the lead plan a slot in a modal and announces it in the team channel', async () => {
    clock.set('2026-03-12T09:00:00Z');
    await linkTeamChannel(ADMIN, CHANNEL, TEAM);
    await slack.command(LEAD, CHANNEL, '/intervisie', 'nieuw');
    const modal = await slack.next('views.open', modalOf(/^Intervisie plannen/));
    const method = field(modal, 'method').element;
    expect(method.type).toBe('static_select');
    expect((method.options as any[]).map((o) => o.value)).toContain('incidentmethode');
    expect(field(modal, 'date').element.type).toBe('datepicker');
    expect(field(modal, 'time').element).toMatchObject({ type: 'timepicker', initial_time: '14:00' });
    expect(field(modal, 'capacity').element).toMatchObject({ type: 'number_input', is_decimal_allowed: false });

    // A group of one is no intervisie: refused with a Dutch message that names the field as the form does.
    await slack.submit(LEAD, modal, { method: 'incidentmethode', date: '2026-03-19', place: 'Wijkcentrum De Brug', capacity: '1' });
    const refused = await slack.next('chat.postEphemeral', (a) => a.user === LEAD && a.channel === CHANNEL && /Controleer/.test(a.text));
    expect(refused.args.text).toMatch(/Aantal plekken/);
    expect(refused.args.text).not.toMatch(/capacity/);

    await slack.submit(LEAD, modal, { method: 'incidentmethode', date: '2026-03-19', time: '14:00', place: 'Wijkcentrum De Brug', capacity: '2' });
    announcement = await slack.next('chat.postMessage', (a) => a.channel === CHANNEL && /0 van 2 plekken bezet/.test(a.text));
    expect(announcement.args.text).toMatch(/donderdag 19 maart 2026 14:00/);
    expect(featureButton(announcement, 'intervisie.signup').text.text).toBe('Aanmelden');
    await slack.next('chat.postEphemeral', (a) => a.user === LEAD && /^Gepland/.test(a.text));
  });

  it('confirms up to capacity, puts the next on the waiting list and promotes them when someone cancels', async () => {
    await slack.click(A, announcement, featureButton(announcement, 'intervisie.signup'));
    const confirmed = await slack.next('chat.postEphemeral', (a) => a.user === A);
    expect(confirmed.args.text).toMatch(/Je bent aangemeld/);
    expect(confirmed.args.text).toMatch(/Voorbereiding/);
    await slack.next('chat.update', (a) => a.ts === announcement.result!.ts && /1 van 2 plekken bezet/.test(a.text));

    await slack.click(B, announcement, featureButton(announcement, 'intervisie.signup'));
    await slack.next('chat.postEphemeral', (a) => a.user === B && /Je bent aangemeld/.test(a.text));
    const full = await slack.next('chat.update', (a) => a.ts === announcement.result!.ts && /2 van 2 plekken bezet/.test(a.text));
    expect(featureButton(full, 'intervisie.signup').text.text).toBe('Op de wachtlijst');

    await slack.click(C, full, featureButton(full, 'intervisie.signup'));
    const waiting = await slack.next('chat.postEphemeral', (a) => a.user === C);
    expect(waiting.args.text).toMatch(/wachtlijst, plek 1/);
    await slack.next('chat.update', (a) => a.ts === announcement.result!.ts && /2 van 2 plekken bezet, 1 op de wachtlijst/.test(a.text));

    await slack.click(A, full, featureButton(full, 'intervisie.cancel'));
    await slack.next('chat.postEphemeral', (a) => a.user === A && /Je bent afgemeld/.test(a.text));
    const promoted = await slack.next('chat.postMessage', (a) => a.channel === dm(C));
    expect(promoted.args.text).toMatch(/plek vrijgekomen[\s\S]*Voorbereiding/);
    expect(coreValue(featureButton(promoted, 'intervisie.cancel'))).toBe(coreValue(featureButton(full, 'intervisie.cancel')));
    const after = await slack.next('chat.update', (a) => a.ts === announcement.result!.ts && /2 van 2 plekken bezet\./.test(a.text));
    expect(after.args.text).not.toMatch(/wachtlijst,/);
  });
});

describe('what people read', () => {
  it('names people and never shows their platform id', () => {
    expectNoRawIds(said);
  });
});
