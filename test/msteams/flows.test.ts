/**
 * The consultation and onboarding flows end to end through Microsoft Teams: real HTTP into
 * /api/messages as Teams sends it, real HTTP out to a stand-in connector, a ManualClock for the jobs.
 * Every click is built from a card the bot actually posted.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/knowledge/ingest-files.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { readProgramme } from '../../src/onboarding/programme.ts';
import { ensureMember, isMember } from '../../src/teams/membership.ts';
import { createTestContext, LogCapture, repoRoot } from '../support/context.ts';
import { activity, BOT, StandInConnector, type Recorded } from './support/connector.ts';
import { serveMsTeams, type ServedMsTeams } from './support/serve.ts';
import { advanceClock } from '../support/advance-clock.ts';

const clock = new ManualClock('2026-03-02T08:00:00Z'); // Monday, 09:00 in Amsterdam
const connector = new StandInConnector();
const programme = readProgramme(path.join(repoRoot, 'knowledge', 'onboarding'));
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let served: ServedMsTeams;

beforeAll(async () => {
  await connector.start();
  ctx = await createTestContext({ PORT: '0', MICROSOFT_TEAMS_EMULATOR: 'true' }, new LogCapture(), clock);
  await ingestFiles(ctx, { paths: [`${repoRoot}/knowledge`] });
  served = await serveMsTeams(ctx);
}, 60_000);
afterAll(async () => {
  await served?.close();
  await ctx?.close();
  await connector.close();
});

// ---- Teams as the client: people, places, messages and clicks ----

interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}
const person = (key: string, name: string): Person => ({ id: `29:${key}`, name, aadObjectId: `aad-${key}` });
const userIdOf = (p: Person) => `teams:${p.aadObjectId}`;
/** Each person's personal chat with the bot: the one they opened by installing the app, or the one the bot opened. */
const chats = new Map<string, string>();
const personalChat = (p: Person) => chats.get(p.id) ?? `a:personal-${p.aadObjectId}`;
async function chatOpenedByBot(p: Person): Promise<string> {
  const [row] = await ctx.db.sql.query<{ conversation_id: string }>(`SELECT conversation_id FROM msteams_conversation WHERE kind = 'personal' AND user_id = $1`, [userIdOf(p)]);
  expect(row?.conversation_id).toMatch(/^19:new-/);
  chats.set(p.id, row!.conversation_id);
  return row!.conversation_id;
}

interface Place {
  /** The Microsoft Teams team and its channel. */
  msTeamsTeam: string;
  channel: string;
  /** The Wijkwijs team it is linked to. */
  team: string;
}
const place = (key: string): Place => ({ msTeamsTeam: `19:team-${key}@thread.tacv2`, channel: `19:kanaal-${key}@thread.tacv2`, team: `tt-${key}` });

let sequence = 0;
type Where = { personal: true } | { place: Place; thread?: string };

function fieldsFor(from: Person, where: Where): Record<string, unknown> {
  if ('personal' in where) {
    return { from, conversation: { id: personalChat(from), conversationType: 'personal', tenantId: 'tenant-1' }, channelData: { tenant: { id: 'tenant-1' } } };
  }
  const root = where.thread ?? `root-${++sequence}`;
  return {
    from,
    conversation: { id: `${where.place.channel};messageid=${root}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    channelData: { team: { id: where.place.msTeamsTeam }, channel: { id: where.place.channel }, tenant: { id: 'tenant-1' } },
  };
}

/** Posts as Teams does and waits until the bot has answered (messages are answered after the acknowledgement). */
async function post(body: unknown): Promise<Response> {
  const response = await fetch(`${served.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  await served.settled();
  return response;
}

/** Sends a message as Teams does (a mention in a channel) and returns what the bot posted because of it. */
async function say(from: Person, text: string, where: Where = { personal: true }): Promise<Recorded[]> {
  const start = connector.calls.length;
  const inChannel = 'place' in where;
  const id = `msg-${++sequence}`;
  await post(
    activity(connector.url, {
      id,
      ...fieldsFor(from, inChannel ? { ...where, thread: where.thread ?? id } : where),
      text: inChannel ? `<at>Wijkwijs</at> ${text}` : text,
      ...(inChannel ? { entities: [{ type: 'mention', text: '<at>Wijkwijs</at>', mentioned: BOT }] } : {}),
    }),
  );
  return messagesSince(start);
}

const messagesSince = (start: number) => connector.calls.slice(start).filter((c) => c.body?.type === 'message');

/** Installs the app in a person's personal scope: Teams then sends a conversationUpdate with the bot added. */
async function installPersonally(p: Person): Promise<void> {
  await post(activity(connector.url, { type: 'conversationUpdate', membersAdded: [BOT], ...fieldsFor(p, { personal: true }) }));
}

/** Installs the app in a team channel and lets the team's admin link it. */
async function linkPlace(where: Place, admin: Person): Promise<void> {
  await post(
    activity(connector.url, {
      type: 'conversationUpdate',
      membersAdded: [BOT],
      from: admin,
      conversation: { id: where.channel, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
      channelData: { team: { id: where.msTeamsTeam }, channel: { id: where.channel }, eventType: 'teamMemberAdded', tenant: { id: 'tenant-1' } },
    }),
  );
  const [linked] = await say(admin, `koppel ${where.team}`, { place: where });
  expect(linked!.body.text).toMatch(new RegExp(`gekoppeld aan team ${where.team}`));
}

type Action = { type: string; title: string; verb?: string; data: { actionId: string; value?: string }; associatedInputs?: string };
const cardOf = (call: { body: any } | undefined): any => call?.body?.attachments?.find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
const actionsOf = (card: any): Action[] => (card?.actions ?? []) as Action[];
const inputsOf = (card: any): any[] => (card?.body ?? []).filter((b: any) => String(b.type).startsWith('Input.'));
const textOf = (call: Recorded | undefined) => `${call?.body?.text ?? ''}\n${JSON.stringify(cardOf(call)?.body ?? [])}`;

function findAction(card: any, actionId: string, title?: RegExp): Action {
  const found = actionsOf(card).find((a) => a.data.actionId === actionId && (!title || title.test(a.title)));
  if (!found) throw new Error(`no ${actionId} on the card: ${JSON.stringify(actionsOf(card).map((a) => [a.data.actionId, a.title]))}`);
  expect(found.type).toBe('Action.Execute');
  return found;
}

/**
 * The data Teams sends for an Action.Execute: the action's data plus every input of the card, with the
 * values the user typed or picked (a pick must be one of the card's choices).
 */
function submitData(card: any, action: Action, typed: Record<string, string> = {}): Record<string, unknown> {
  const data: Record<string, unknown> = { ...action.data };
  if (action.associatedInputs === 'none') return data;
  for (const input of inputsOf(card)) {
    const name = String(input.id).replace(/^field\./, '');
    const value = name in typed ? typed[name]! : input.value;
    if (input.type === 'Input.ChoiceSet' && value) expect(input.choices.map((c: any) => c.value)).toContain(value);
    if (value !== undefined) data[input.id] = String(value);
  }
  for (const name of Object.keys(typed)) expect(inputsOf(card).map((i) => i.id)).toContain(`field.${name}`);
  return data;
}

interface Click {
  /** The invoke response: a card that replaces the clicked one, or a short message. */
  body: { statusCode: number; type: string; value: any };
  /** What the bot posted or updated because of the click. */
  posted: Recorded[];
}

/** An Action.Execute click as Teams sends it: an adaptiveCard/action invoke from where the card is. */
async function click(from: Person, card: any, action: Action, where: Where, typed: Record<string, string> = {}, replyToId?: string): Promise<Click> {
  const start = connector.calls.length;
  const data = submitData(card, action, typed);
  const response = await post(
    activity(connector.url, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      ...fieldsFor(from, where),
      ...(replyToId ? { replyToId } : {}),
      value: { action: { type: 'Action.Execute', verb: action.verb, data }, trigger: 'manual' },
    }),
  );
  const body = await response.json();
  expect(body.statusCode).toBe(200);
  return { body, posted: connector.calls.slice(start).filter((c) => c.body?.type === 'message') };
}

/** The card in an invoke response, or the one posted to that person's chat when the bot moved it there. */
const inPersonal = (c: Click, p: Person) => c.posted.filter((m) => m.conversationId === personalChat(p) && m.method === 'POST');
const inChannel = (calls: Recorded[], where: Place) => calls.filter((m) => m.conversationId === where.channel && m.method === 'POST' && !m.activityId);
const updatesOf = (activityId: string | undefined, since = 0) => connector.calls.slice(since).filter((c) => c.method === 'PUT' && c.activityId === activityId);

async function advanceTo(iso: string): Promise<void> {
  await advanceClock(ctx, clock, iso);
}

// ---- 1. Twintig ogen ----

describe('twintig ogen through Teams', () => {
  const where = place('twintig');
  const lead = person('tw-lead', 'Lotte Leider');
  const coach = person('tw-coach', 'Cas Coach');
  const anna = person('tw-anna', 'Anna Appel');
  let announcement: Recorded;
  let requestId = '';

  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(lead), role: 'admin', displayName: lead.name });
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(lead), role: 'lead' });
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(coach), displayName: coach.name });
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(anna), displayName: anna.name });
    // The coach never opened a chat with the app: the bot opens one when it has something private for them.
    for (const p of [lead, anna]) await installPersonally(p);
    await linkPlace(where, lead);
  });

  it('lets the lead set the rhythm in the channel', async () => {
    const posted = await say(lead, 'teamritme dag=di elke=2 vanaf=2026-03-10 van=10:00 tot=12:00 casussen=2 minuten=30', { place: where });
    // A command answers its sender in their personal chat; the thread only gets a short pointer.
    const [answer] = posted.filter((m) => m.conversationId === personalChat(lead));
    expect(answer!.body.text).toMatch(/Om de 2 weken op dinsdag, 10:00–12:00/);
    const inThread = posted.filter((m) => m.conversationId?.startsWith(`${where.channel};messageid=`));
    expect(inThread.map((m) => m.body.text)).toEqual([expect.stringMatching(/in je chat met Wijkwijs/)]);
  });

  it('takes a request from a form card, shows it anonymised and announces it in the channel', async () => {
    const [formMessage] = await say(coach, 'twintigogen', { place: where });
    const form = cardOf(formMessage);
    const dilemma = inputsOf(form).find((i) => i.id === 'field.dilemma');
    expect(dilemma.type).toBe('Input.ChoiceSet');
    expect(dilemma.choices.length).toBeGreaterThanOrEqual(20);
    expect(inputsOf(form).find((i) => i.id === 'field.latest_date')?.type).toBe('Input.Date');
    const third = dilemma.choices.find((c: any) => /Eigen kracht/.test(c.title)).value;

    const submitted = await click(coach, form, findAction(form, 'twintig.request-submit'), { place: where, thread: 'x' }, {
      summary: 'Mevrouw Fatima Bouzid (45) woont aan de Dorpsstraat 12 met ernstige woningvervuiling en weigert hulp.',
      dilemma: third,
      question: 'Bemoeizorg aanbieden of wachten?',
    });
    // The draft is the coach's business: it goes to their personal chat, the clicker sees a short note.
    expect(submitted.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(submitted.body.value).toMatch(/in je chat met Wijkwijs/);
    const opened = connector.calls.find((c) => c.path === '/v3/conversations' && c.body.members?.[0]?.id === coach.id);
    expect(opened?.body).toMatchObject({ isGroup: false, bot: { id: BOT.id }, tenantId: 'tenant-1' });
    expect(await chatOpenedByBot(coach)).toBe(`19:new-${/act-(\d+)/.exec(opened!.responseId!)![1]}@thread.tacv2`);
    const [confirmMessage] = inPersonal(submitted, coach);
    const confirm = cardOf(confirmMessage);
    const summary = inputsOf(confirm).find((i) => i.id === 'field.summary');
    expect(summary.value).toMatch(/woningvervuiling/);
    expect(summary.value).not.toMatch(/Bouzid|Fatima|Dorpsstraat/);
    expect(inChannel(submitted.posted, where)).toEqual([]);

    const confirmed = await click(coach, confirm, findAction(confirm, 'twintig.request-confirm'), { personal: true });
    expect(textOf(inPersonal(confirmed, coach)[0])).toMatch(/dinsdag 10 maart 2026 10:00 \(punt 1\)/);
    announcement = inChannel(confirmed.posted, where)[0]!;
    expect(announcement).toBeDefined();
    expect(textOf(announcement)).toMatch(/Twintig-ogen casus van Cas Coach/);
    expect(textOf(announcement)).not.toMatch(/Bouzid|Dorpsstraat/);
    const rsvp = findAction(cardOf(announcement), 'twintig.rsvp');
    expect(rsvp.title).toBe('Ik denk mee (0)');
    requestId = rsvp.data.value!;
  });

  it('counts "Ik denk mee" in the same announcement', async () => {
    const card = cardOf(announcement);
    const start = connector.calls.length;
    const clicked = await click(anna, card, findAction(card, 'twintig.rsvp'), { place: where, thread: announcement.responseId }, {}, announcement.responseId);
    expect(String(clicked.body.value)).toMatch(/denk/);
    const [update] = updatesOf(announcement.responseId, start);
    expect(update?.conversationId).toBe(where.channel);
    expect(findAction(cardOf(update), 'twintig.rsvp').title).toBe('Ik denk mee (1)');
    expect(update!.body.text).toMatch(/Denken mee: 1 \(Anna Appel\)/);
    expect(inChannel(clicked.posted, where)).toEqual([]);
  });

  it('posts the agenda at 16:00 the day before', async () => {
    const start = connector.calls.length;
    await advanceTo('2026-03-09T14:59:00Z');
    expect(inChannel(connector.calls.slice(start), where).filter((c) => /Agenda|agenda/.test(c.body.text))).toEqual([]);
    await advanceTo('2026-03-09T15:00:00Z'); // 16:00 in Amsterdam
    const [agenda] = inChannel(connector.calls.slice(start), where);
    expect(agenda!.body.text).toMatch(/Eigen kracht of kracht van buiten\?/);
    expect(agenda!.body.text).toMatch(/Verhelderende vragen/);
  });

  it('asks the outcome in personal chat after the meeting and stores it, findable by the team', async () => {
    const start = connector.calls.length;
    await advanceTo('2026-03-10T11:00:00Z');
    const [ask] = connector.calls.slice(start).filter((c) => c.conversationId === personalChat(coach) && c.method === 'POST');
    expect(ask!.body.text).toMatch(/Hoe ging de casusbespreking/);
    const open = findAction(cardOf(ask), 'twintig.outcome-open');
    expect(open.data.value).toBe(requestId);

    const opened = await click(coach, cardOf(ask), open, { personal: true });
    const form = cardOf(inPersonal(opened, coach)[0]);
    expect(inputsOf(form).find((i) => i.id === 'field.followup_owner')?.type).toBe('Input.ChoiceSet');
    expect(inputsOf(form).find((i) => i.id === 'field.followup_due')?.type).toBe('Input.Date');
    const submitted = await click(coach, form, findAction(form, 'twintig.outcome-submit'), { personal: true }, {
      advice: 'Ga samen met de GGD langs bij mevrouw Bouzid; begin bij wat zij zelf wil opruimen.',
      agreements: 'Coach plant een huisbezoek met de GGD.',
    });
    const check = cardOf(inPersonal(submitted, coach)[0]);
    expect(inputsOf(check).find((i) => i.id === 'field.advice').value).not.toMatch(/Bouzid/);
    const saved = await click(coach, check, findAction(check, 'twintig.outcome-confirm'), { personal: true });
    expect(textOf(inPersonal(saved, coach)[0])).toMatch(/Opgeslagen als "Casusbespreking dinsdag 10 maart 2026/);
    // The announcement says it was discussed.
    expect(updatesOf(announcement.responseId, start).at(-1)!.body.text).toMatch(/is besproken/);

    const [answer] = (await say(anna, 'Hebben we eerder een vergelijkbare casus besproken over woningvervuiling?', { place: where })).filter((c) => c.body.text);
    expect(JSON.stringify(answer!.body.entities)).toMatch(/Casusbespreking dinsdag 10 maart 2026/);
    expect(textOf(answer)).toMatch(/Casusbespreking dinsdag 10 maart 2026/);
  });
});

// ---- 2. Vier ogen ----

describe('vier ogen through Teams', () => {
  const where = place('vierogen');
  const requester = person('vo-req', 'Rik Aanvrager');
  const bea = person('vo-bea', 'Bea Beoordelaar');
  const cor = person('vo-cor', 'Cor Collega');
  const byUserId = new Map([bea, cor].map((p) => [userIdOf(p), p]));

  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(requester), role: 'admin', displayName: requester.name });
    for (const p of [bea, cor]) await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(p), displayName: p.name });
    for (const p of [requester, bea, cor]) await installPersonally(p);
    await linkPlace(where, requester);
  });

  /** vierogen → form → anonymised check → confirm; returns the colleague asked and their card. */
  async function requestCheck(indication: string): Promise<{ reviewer: Person; ask: Recorded }> {
    const [formMessage] = await say(requester, 'vierogen', { place: where });
    const form = cardOf(formMessage);
    expect(inputsOf(form).find((i) => i.id === 'field.expertise')?.type).toBe('Input.ChoiceSet');
    expect(inputsOf(form).find((i) => i.id === 'field.deadline')?.type).toBe('Input.Date');
    const submitted = await click(requester, form, findAction(form, 'vierogen.submit'), { place: where, thread: 'v' }, { indication });
    const check = cardOf(inPersonal(submitted, requester)[0]);
    const text = inputsOf(check).find((i) => i.id === 'field.text').value;
    expect(text).toMatch(/ambulante jeugdhulp/i);
    expect(text).not.toMatch(/Jansen|Kerkstraat/);
    const confirmed = await click(requester, check, findAction(check, 'vierogen.confirm'), { personal: true });
    expect(textOf(inPersonal(confirmed, requester)[0])).toMatch(/Verstuurd/);
    const asks = confirmed.posted.filter((c) => [...byUserId.values()].some((p) => c.conversationId === personalChat(p)));
    expect(asks).toHaveLength(1);
    const reviewer = [...byUserId.values()].find((p) => asks[0]!.conversationId === personalChat(p))!;
    return { reviewer, ask: asks[0]! };
  }

  it('asks a colleague in personal chat; Akkoord updates their card and tells the requester', async () => {
    clock.set('2026-03-10T12:00:00Z');
    const { reviewer, ask } = await requestCheck('Ambulante jeugdhulp voor het gezin Jansen aan de Kerkstraat 4, vanwege gedragsproblemen van de zoon.');
    expect(ask.body.text).toMatch(/Rik Aanvrager vraagt je om een vier-ogen check/);
    expect(ask.body.text).not.toMatch(/Jansen|Kerkstraat/);
    const card = cardOf(ask);
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Akkoord', 'Niet akkoord', 'Ik pas']);

    const start = connector.calls.length;
    const agreed = await click(reviewer, card, findAction(card, 'vierogen.agree'), { personal: true }, {}, ask.responseId);
    // The clicked card is replaced by the outcome; the stored message is updated in place as well.
    expect(agreed.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(agreed.body.value)).toMatch(/akkoord/i);
    expect(JSON.stringify(agreed.body.value)).not.toMatch(/Ik pas/);
    const [update] = updatesOf(ask.responseId, start);
    expect(update!.conversationId).toBe(personalChat(reviewer));
    expect(actionsOf(cardOf(update))).toEqual([]);
    const [result] = agreed.posted.filter((c) => c.conversationId === personalChat(requester));
    expect(result!.body.text).toMatch(new RegExp(`${reviewer.name}.*akkoord`, 'i'));
  });

  it('moves on to the next colleague when the first does not answer in time', async () => {
    clock.set('2026-03-11T08:00:00Z');
    const { reviewer: first, ask } = await requestCheck('Ambulante jeugdhulp bij aanbieder X vanwege gedragsproblemen.');
    const start = connector.calls.length;
    await advanceTo('2026-03-11T11:59:00Z');
    expect(connector.calls.slice(start).filter((c) => c.body?.type === 'message')).toEqual([]);
    await advanceTo('2026-03-11T12:00:00Z'); // 240 minutes later
    const second = [bea, cor].find((p) => p !== first)!;
    const [update] = updatesOf(ask.responseId, start);
    expect(update!.body.text).toMatch(/verstreken/);
    expect(actionsOf(cardOf(update))).toEqual([]);
    const [next] = connector.calls.slice(start).filter((c) => c.conversationId === personalChat(second) && c.method === 'POST');
    expect(next!.body.text).toMatch(/vier-ogen check/);
    expect(actionsOf(cardOf(next)).map((a) => a.title)).toEqual(['Akkoord', 'Niet akkoord', 'Ik pas']);
    // The one who timed out can no longer decide from the old card.
    const late = await click(first, cardOf(ask), findAction(cardOf(ask), 'vierogen.agree'), { personal: true }, {}, ask.responseId);
    expect(late.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(late.body.value).toMatch(/al afgehandeld of aan een andere collega doorgegeven/);
  });
});

// ---- 3. Intervisie ----

describe('intervisie through Teams', () => {
  const where = place('intervisie');
  const lead = person('iv-lead', 'Ilse Leider');
  const [a, b, c] = [person('iv-a', 'Arie A'), person('iv-b', 'Bert B'), person('iv-c', 'Carla C')];
  let announcement: Recorded;

  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(lead), role: 'admin', displayName: lead.name });
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(lead), role: 'lead' });
    for (const p of [a, b, c]) await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(p), displayName: p.name });
    for (const p of [lead, a, b, c]) await installPersonally(p);
    await linkPlace(where, lead);
  });

  it('lets a lead plan a slot from a form card and announces it with Aanmelden', async () => {
    clock.set('2026-03-11T13:00:00Z');
    const [formMessage] = await say(lead, 'intervisie nieuw', { place: where });
    const form = cardOf(formMessage);
    const method = inputsOf(form).find((i) => i.id === 'field.method');
    expect(method.type).toBe('Input.ChoiceSet');
    expect(method.choices.map((o: any) => o.value)).toContain('incidentmethode');
    expect(inputsOf(form).find((i) => i.id === 'field.date')?.type).toBe('Input.Date');
    expect(inputsOf(form).find((i) => i.id === 'field.time')?.type).toBe('Input.Time');
    expect(inputsOf(form).find((i) => i.id === 'field.capacity')?.type).toBe('Input.Number');

    // The smallest group the feature allows is two.
    const created = await click(lead, form, findAction(form, 'intervisie.create'), { place: where, thread: 'i' }, {
      method: 'incidentmethode',
      date: '2026-03-19',
      time: '14:00',
      place: 'Wijkcentrum De Brug',
      capacity: '2',
    });
    expect(JSON.stringify(created.body.value) + textOf(inPersonal(created, lead)[0])).toMatch(/Gepland: donderdag 19 maart 2026 14:00/);
    announcement = inChannel(created.posted, where)[0]!;
    expect(textOf(announcement)).toMatch(/0 van 2 plekken/);
    expect(findAction(cardOf(announcement), 'intervisie.signup').title).toMatch(/Aanmelden/);
  });

  it('confirms up to capacity with the preparation, keeps a waiting list, and promotes on cancellation', async () => {
    const card = cardOf(announcement);
    const signup = findAction(card, 'intervisie.signup');
    const at = { place: where, thread: announcement.responseId };
    const first = await click(a, card, signup, at, {}, announcement.responseId);
    const second = await click(b, card, signup, at, {}, announcement.responseId);
    const start = connector.calls.length;
    const third = await click(c, card, signup, at, {}, announcement.responseId);
    // The preparation is long: it lands in the personal chat, not only in a passing notice.
    for (const [p, clicked] of [[a, first], [b, second]] as const) {
      const [prep] = inPersonal(clicked, p);
      expect(prep!.body.text).toMatch(/aangemeld/);
      expect(prep!.body.text).toMatch(/Voorbereiding/);
    }
    expect(JSON.stringify(third.body.value) + textOf(inPersonal(third, c)[0])).toMatch(/wachtlijst, plek 1/);
    expect(updatesOf(announcement.responseId, start).at(-1)!.body.text).toMatch(/2 van 2 plekken bezet, 1 op de wachtlijst/);

    const before = connector.calls.length;
    const cancelled = await click(a, card, findAction(card, 'intervisie.cancel'), at, {}, announcement.responseId);
    expect(JSON.stringify(cancelled.body.value) + textOf(inPersonal(cancelled, a)[0])).toMatch(/afgemeld/);
    const [promoted] = cancelled.posted.filter((m) => m.conversationId === personalChat(c));
    expect(promoted!.body.text).toMatch(/plek vrijgekomen[\s\S]*Voorbereiding/);
    expect(findAction(cardOf(promoted), 'intervisie.cancel').title).toBe('Kan toch niet');
    expect(updatesOf(announcement.responseId, before).at(-1)!.body.text).toMatch(/2 van 2 plekken bezet/);
    expect(updatesOf(announcement.responseId, before).at(-1)!.body.text).not.toMatch(/\d+ op de wachtlijst/);
  });
});

// ---- 4. Onboarding ----

describe('onboarding through Teams', () => {
  const where = place('onboarding');
  const lead = person('on-lead', 'Olga Leider');
  const buddy = person('on-buddy', 'Bob Buddy');
  const newcomer = person('on-new', 'Noor Nieuw');
  let newcomerChat = '';
  let latest: Recorded;
  const toNewcomer = (since: number) => connector.calls.slice(since).filter((c) => c.conversationId === newcomerChat && c.method === 'POST' && c.body?.type === 'message');

  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(lead), role: 'admin', displayName: lead.name });
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(lead), role: 'lead' });
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(buddy), displayName: buddy.name });
    for (const p of [lead, buddy]) await installPersonally(p);
    await linkPlace(where, lead);
  });

  it('asks a lead in the channel to admit someone added to the team, then welcomes them in a new personal chat', async () => {
    clock.set('2026-03-12T09:00:00Z'); // Thursday
    const start = connector.calls.length;
    await post(
      activity(connector.url, {
        type: 'conversationUpdate',
        membersAdded: [newcomer],
        from: lead,
        conversation: { id: where.msTeamsTeam, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
        channelData: { team: { id: where.msTeamsTeam }, eventType: 'teamMemberAdded', tenant: { id: 'tenant-1' } },
      }),
    );
    expect(await isMember(ctx.db.prisma, userIdOf(newcomer), where.team)).toBe(false);
    const admission = inChannel(connector.calls.slice(start), where)[0]!;
    expect(admission.body.text).toMatch(/Noor Nieuw is bij het teamkanaal gekomen/);
    const admit = findAction(cardOf(admission), 'onboarding.admit');
    expect(admit.title).toBe('Toevoegen en inwerken');
    // Nobody has a chat with the newcomer yet: the bot opens one, as Teams lets a bot in the team do.
    const created = connector.calls.slice(start).find((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(created?.body.members).toEqual([expect.objectContaining({ id: newcomer.id })]);
    expect(created?.body.tenantId ?? created?.body.channelData?.tenant?.id).toBe('tenant-1');

    // A colleague cannot admit; the lead can.
    const refused = await click(buddy, cardOf(admission), admit, { place: where, thread: admission.responseId }, {}, admission.responseId);
    expect(String(refused.body.value)).toMatch(/teamleider/);
    const before = connector.calls.length;
    const admitted = await click(lead, cardOf(admission), admit, { place: where, thread: admission.responseId }, {}, admission.responseId);
    expect(admitted.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(admitted.body.value)).toMatch(/Noor Nieuw is toegevoegd/);
    expect(await isMember(ctx.db.prisma, userIdOf(newcomer), where.team)).toBe(true);
    expect(updatesOf(admission.responseId, before)).toHaveLength(1);

    newcomerChat = await chatOpenedByBot(newcomer);
    const [welcome] = toNewcomer(before);
    expect(welcome!.body.text).toMatch(/Welkom in het team Noor/);
    latest = welcome!;
    const form = cardOf(welcome);
    expect(inputsOf(form).map((i) => [i.id, i.type])).toEqual([
      ['field.startDate', 'Input.Date'],
      ['field.nudgeTime', 'Input.Time'],
    ]);
  });

  /** What the newcomer sends comes from the chat the bot opened with them. */
  const fromNewcomer = (fields: Record<string, unknown>) =>
    activity(connector.url, { from: newcomer, conversation: { id: newcomerChat, conversationType: 'personal', tenantId: 'tenant-1' }, channelData: { tenant: { id: 'tenant-1' } }, ...fields });

  async function newcomerClicks(card: any, action: Action, typed: Record<string, string> = {}): Promise<Recorded[]> {
    const start = connector.calls.length;
    const value = { action: { type: 'Action.Execute', verb: action.verb, data: submitData(card, action, typed) }, trigger: 'manual' };
    const response = await post(fromNewcomer({ type: 'invoke', name: 'adaptiveCard/action', value }));
    expect((await response.json()).statusCode).toBe(200);
    return toNewcomer(start);
  }

  async function newcomerSays(text: string): Promise<Recorded[]> {
    const start = connector.calls.length;
    await post(fromNewcomer({ text }));
    return toNewcomer(start);
  }

  it('starts on the chosen date, introduces the buddy to both and nudges on working days at the chosen time', async () => {
    const form = cardOf(latest);
    const start = connector.calls.length;
    const posted = await newcomerClicks(form, findAction(form, 'onboarding.start'), { startDate: '2026-03-16', nudgeTime: '09:30' });
    const started = posted.find((c) => /maandag 16 maart 2026/.test(c.body.text));
    expect(started!.body.text).toMatch(/Bob Buddy/);
    const toBuddy = connector.calls.slice(start).filter((c) => c.conversationId === personalChat(buddy));
    expect(toBuddy.some((c) => /Noor Nieuw/.test(c.body.text))).toBe(true);
    expect(toNewcomer(start).some((c) => /buddy/i.test(c.body.text) && /Bob Buddy/.test(c.body.text))).toBe(true);

    const before = connector.calls.length;
    await advanceTo('2026-03-16T08:29:00Z'); // the weekend passed, 09:29 on Monday
    expect(toNewcomer(before)).toEqual([]);
    await advanceTo('2026-03-16T08:31:00Z');
    const [nudge] = toNewcomer(before);
    expect(nudge!.body.text).toContain(programme.modules[0]!.parts[0]!.text);
    expect(nudge!.body.entities?.length).toBeGreaterThan(0);
    latest = nudge!;
  });

  /** Answers the quiz question on the latest card, rightly or wrongly, with the button the bot sent. */
  async function answerQuiz(correct: boolean): Promise<{ explanation: string }> {
    const module = programme.modules.find((m) => latest.body.text.includes(m.title) && m.quiz.some((q) => latest.body.text.includes(q.question)))!;
    const question = module.quiz.find((q) => latest.body.text.includes(q.question))!;
    const index = correct ? question.correct : (question.correct + 1) % question.options.length;
    const button = actionsOf(cardOf(latest)).find((x) => x.data.actionId === 'onboarding.answer' && x.data.value!.endsWith(`|${index}`))!;
    const [r] = await newcomerClicks(cardOf(latest), button);
    latest = r!;
    return { explanation: question.explanation };
  }

  it('goes on with Verder through the parts and the reflection, and explains a wrong quiz answer', async () => {
    const first = programme.modules[0]!;
    for (let guard = 0; guard < 40 && !actionsOf(cardOf(latest)).some((x) => x.data.actionId === 'onboarding.answer'); guard++) {
      const card = cardOf(latest);
      const next = actionsOf(card).find((x) => x.data.actionId === 'onboarding.next' || x.data.actionId === 'onboarding.reflect')!;
      expect(next).toBeDefined();
      const [r] = await newcomerClicks(card, next, next.data.actionId === 'onboarding.reflect' ? { antwoord: 'Ik nam te veel over.' } : {});
      latest = r!;
    }
    const { explanation } = await answerQuiz(false);
    expect(latest.body.text).toMatch(/Niet helemaal/);
    expect(latest.body.text).toContain(explanation);
    for (let i = 1; i < first.quiz.length; i++) await answerQuiz(true);
    expect(latest.body.text).toMatch(new RegExp(`Je had ${first.quiz.length - 1} van ${first.quiz.length}`));
  });

  it('postpones with Later to the next working day and skips a module with Sla over', async () => {
    const before = connector.calls.length;
    await advanceTo('2026-03-19T08:31:00Z'); // module 2 is due on the fourth working day
    const [nudge] = toNewcomer(before);
    expect(nudge!.body.text).toContain(programme.modules[1]!.parts[0]!.text);
    const [postponed] = await newcomerClicks(cardOf(nudge), findAction(cardOf(nudge), 'onboarding.later'));
    expect(postponed!.body.text).toMatch(/vrijdag 20 maart 2026 09:30/);
    const again = connector.calls.length;
    await advanceTo('2026-03-20T08:29:00Z');
    expect(toNewcomer(again)).toEqual([]);
    await advanceTo('2026-03-20T08:31:00Z');
    const [reminder] = toNewcomer(again);
    expect(reminder!.body.text).toMatch(/verdergaan waar je was/);
    const [skipped] = await newcomerClicks(cardOf(reminder), findAction(cardOf(reminder), 'onboarding.skip'));
    expect(skipped!.body.text).toContain(`Module "${programme.modules[1]!.title}" sla ik over`);
  });

  it('answers a question in between with sources, then resumes at the same place', async () => {
    const position = await ctx.db.prisma.onboardingEnrollment.findFirstOrThrow({ where: { userId: userIdOf(newcomer) } });
    const [answer] = await newcomerSays('Hoe lang heb ik om de hulpvraag te verkennen?');
    expect(answer!.body.text).toMatch(/zes weken/i);
    expect(answer!.body.text).toMatch(/\[1\]/);
    expect(JSON.stringify(answer!.body.entities)).toMatch(/Claim/);
    const after = await ctx.db.prisma.onboardingEnrollment.findFirstOrThrow({ where: { userId: userIdOf(newcomer) } });
    expect([after.currentModule, after.currentStep]).toEqual([position.currentModule, position.currentStep]);

    const [resumed] = await newcomerSays('onboarding verder');
    expect(resumed!.body.text).toContain(programme.modules.find((m) => m.id === after.currentModule)!.parts[0]!.text);
  });

  it('shows the lead the position and quiz results with "onboarding status"', async () => {
    const [view] = await say(lead, 'onboarding status', { place: where });
    const first = programme.modules[0]!;
    expect(view!.body.text).toMatch(/Noor Nieuw/);
    expect(view!.body.text).toContain(`module 3 van ${programme.modules.length}`);
    expect(view!.body.text).toContain(`${first.title}: ${first.quiz.length - 1}/${first.quiz.length}`);
    expect(view!.body.text).toContain(`${programme.modules[1]!.title}: overgeslagen`);
    expect(view!.body.text).toMatch(/buddy: Bob Buddy/);
    const [refused] = await say(newcomer, 'onboarding status', { place: where });
    expect(refused!.body.text).toMatch(/teamleider/);
  });
});

describe('a command in a channel from someone the bot cannot write to privately', () => {
  const where = place('refused');
  const admin = person('rf-admin', 'Ria Beheer');
  const coach = person('rf-coach', 'Rob Coach');

  beforeAll(async () => {
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(admin), role: 'admin', displayName: admin.name });
    await ensureMember(ctx.db.prisma, { teamId: where.team, userId: userIdOf(coach), displayName: coach.name });
    await linkPlace(where, admin);
  });

  it('asks them to open the chat and shows nothing of the answer in the channel', async () => {
    connector.refuseNewConversations = true;
    try {
      const posted = await say(coach, 'vierogen', { place: where });
      expect(posted.map((m) => m.body.text)).toEqual([expect.stringMatching(/Open een chat met Wijkwijs/)]);
      expect(posted.every((m) => !m.body.attachments?.length)).toBe(true);
    } finally {
      connector.refuseNewConversations = false;
    }
  });
});

describe('privacy of the flows in the logs', () => {
  it('never logs what people typed', () => {
    for (const typed of ['Bouzid', 'woningvervuiling', 'Jansen', 'Kerkstraat', 'Ik nam te veel over', 'verkennen']) expect(ctx.logs.text).not.toContain(typed);
  });
});
