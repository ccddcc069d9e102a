import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { TWINTIG_JOBS } from '../../src/consultations/twintig-ogen/jobs.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import { searchPassages } from '../../src/knowledge/search-passages.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, LogCapture } from '../support/context.ts';

const START = '2026-03-02T08:00:00Z'; // Monday
const clock = new ManualClock(START);
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;
/** The web chat's own team (WIJKWIJS_DEFAULT_TEAM), for the web API; every other test has a team of its own. */
const TEAM = 'tw-noord';
const OTHER = 'tw-zuid';
const STRANGER = 'web:tw-zuid';
const WEB = 'web:local';

interface TestTeam {
  id: string;
  lead: string;
  coach: string;
  anna: string;
  /** The facilitator named in the rhythm. */
  bram: string;
}

let teams = 0;
/** A team of its own for one test: a lead, a coach, Anna and Bram; with the rhythm unless told otherwise. */
async function newTeam(options: { id?: string; rhythm?: boolean; members?: string[] } = {}): Promise<TestTeam> {
  const id = options.id ?? `tw-t${++teams}`;
  const t = { id, lead: `web:${id}-lead`, coach: `web:${id}-coach`, anna: `web:${id}-anna`, bram: `web:${id}-bram` };
  await ensureMember(ctx.db.prisma, { teamId: id, userId: t.lead, displayName: 'Lotte Leider', role: 'lead' });
  for (const [userId, name] of [[t.coach, 'Cas Coach'], [t.anna, 'Anna'], [t.bram, 'Bram'], ...(options.members ?? []).map((m) => [m, m])] as const) {
    await ensureMember(ctx.db.prisma, { teamId: id, userId, displayName: name });
  }
  if (options.rhythm !== false) await saveRhythm(t);
  return t;
}

/** Every other Tuesday from 10 March 2026, 10:00–12:00, two cases, Bram facilitates. */
const saveRhythm = (t: TestTeam) =>
  act(t, t.lead, 'twintig.ritme-save', t.id, { weekday: '2', interval: '2', anchor: '2026-03-10', start: '10:00', end: '12:00', cases: '2', minutes: '30', skipped: '', facilitators: 'Bram', timeZone: 'Europe/Amsterdam' });

const turn = (t: { id: string }, userId: string, extra: Partial<Turn>): Turn => ({ channel: 'web', userId, teamId: t.id, ...extra });
const say = (t: { id: string }, userId: string, text: string) => handleTurn(ctx, turn(t, userId, { text }));
const act = (t: { id: string }, userId: string, id: string, value?: string, fields?: Record<string, string>) => handleTurn(ctx, turn(t, userId, { action: { id, value, fields } }));
const notification = async (key: string) => {
  const row = await ctx.db.prisma.notification.findUnique({ where: { key } });
  return row ? { ...row, reply: row.reply as unknown as Reply } : null;
};
const item = (id: string) => ctx.db.prisma.consultationRequest.findUniqueOrThrow({ where: { id }, include: { meeting: true } });

/** /twintigogen → form → submit → confirm; returns the request id and the reply to the requester. */
async function request(t: { id: string }, userId: string, fields: Record<string, string> = {}): Promise<{ id: string; reply: Reply; confirm: Reply }> {
  const form = await say(t, userId, '/twintigogen');
  const confirm = await act(t, userId, form.form!.submit.id, form.form!.id, { summary: 'Een casus.', dilemma: '3', question: 'Wat doen we?', urgency: 'normal', ...fields });
  const values = Object.fromEntries(confirm.form!.fields.map((f) => [f.name, f.value]));
  const reply = await act(t, userId, confirm.form!.submit.id, confirm.form!.id, values);
  return { id: confirm.form!.id, reply, confirm };
}

/** The meeting of 10 March is held; Bram records its outcome with a follow-up for Anna, due 17 March. */
async function recordOutcome(t: TestTeam, requestId: string): Promise<{ confirm: Reply; stored: Reply }> {
  clock.set('2026-03-10T11:00:00Z');
  await runDueJobs(ctx, TWINTIG_JOBS);
  const form = await act(t, t.bram, 'twintig.outcome-open', requestId);
  const confirm = await act(t, t.bram, form.form!.submit.id, form.form!.id, {
    advice: 'Ga samen met de GGD langs bij mevrouw Bouzid; begin bij wat zij zelf wil opruimen.',
    agreements: 'Coach plant een huisbezoek met de GGD.',
    followup_owner: t.anna,
    followup_text: 'GGD bellen over bemoeizorg',
    followup_due: '2026-03-17',
  });
  const stored = await act(t, t.bram, confirm.form!.submit.id, confirm.form!.id, Object.fromEntries(confirm.form!.fields.map((f) => [f.name, f.value])));
  return { confirm, stored };
}

beforeAll(async () => {
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_DEFAULT_TEAM: TEAM }, new LogCapture(), clock);
  await ensureMember(ctx.db.prisma, { teamId: OTHER, userId: STRANGER, displayName: 'Zoë Zuid' });
  await newTeam({ id: TEAM, members: [WEB] });
  server = await startWebServer(ctx);
});
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});
// Each test starts on the same Monday; jobs of other tests' teams that fall due later touch only those teams.
beforeEach(() => clock.set(START));

describe('team rhythm', () => {
  it('lets only leads set it; a member sees it without a form', async () => {
    const t = await newTeam({ rhythm: false });
    await expect(say(t, t.coach, '/teamritme dag=di elke=2 vanaf=2026-03-10')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(say(t, t.coach, '/twintigogen')).rejects.toThrow(/nog geen teamritme/);
    const set = await say(t, t.lead, '/teamritme dag=di elke=2 vanaf=2026-03-10 van=10:00 tot=12:00 casussen=2 minuten=30');
    expect(set.text).toMatch(/Om de 2 weken op dinsdag, 10:00–12:00/);
    const shown = await say(t, t.coach, '/teamritme');
    expect(shown.form).toBeUndefined();
    expect(shown.text).toMatch(/dinsdag 10 maart 2026 10:00 \(2 plekken vrij\)/);
    const leadView = await say(t, t.lead, '/teamritme');
    expect(leadView.form?.submit.id).toBe('twintig.ritme-save');
    expect(leadView.form?.fields.find((f) => f.name === 'anchor')?.value).toBe('2026-03-10');
  });

  it('saves the form, with a facilitator by name', async () => {
    const t = await newTeam({ rhythm: false });
    const reply = await saveRhythm(t);
    expect(reply.text).toMatch(/opgeslagen/);
    expect((await ctx.db.prisma.teamRhythm.findUniqueOrThrow({ where: { teamId: t.id } })).facilitatorIds).toEqual([t.bram]);
  });
});

describe('requesting a twintig-ogen consultation', () => {
  it('anonymises the case before anything is stored and announces it with an RSVP button', async () => {
    const t = await newTeam();
    const { id, reply, confirm } = await request(t, t.coach, {
      summary: 'Mevrouw Fatima Bouzid (45) woont aan de Dorpsstraat 12 met ernstige woningvervuiling en weigert hulp.',
      question: 'Moeten we Fatima Bouzid bemoeizorg aanbieden of wachten?',
      tried: 'Twee huisbezoeken.',
    });
    const summary = confirm.form!.fields.find((f) => f.name === 'summary')!.value;
    expect(summary).not.toMatch(/Bouzid|Dorpsstraat/);
    expect(summary).toMatch(/woningvervuiling/);
    expect(confirm.notices.join(' ')).toMatch(/vervangen/);
    const rows = JSON.stringify(await ctx.db.sql.query('SELECT * FROM consultation_request'));
    expect(rows).not.toMatch(/Bouzid|Fatima|Dorpsstraat/);
    expect(reply.text).toMatch(/dinsdag 10 maart 2026 10:00 \(punt 1\)/);
    expect(reply.actions.map((a) => a.id)).toEqual(['twintig.withdraw', 'twintig.move']);
    const stored = await item(id);
    expect(stored.meeting!.startsAt.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    const note = await notification(`twintig.item:${id}`);
    expect(note!.teamId).toBe(t.id);
    expect(note!.reply.actions[0]).toMatchObject({ id: 'twintig.rsvp', label: 'Ik denk mee (0)' });
    expect(JSON.stringify(note)).not.toMatch(/Bouzid/);
  });

  it('counts RSVPs in the same announcement', async () => {
    const t = await newTeam();
    const { id } = await request(t, t.coach);
    const reply = await act(t, t.anna, 'twintig.rsvp', id);
    expect(reply.text).toMatch(/denkt mee/);
    const note = await notification(`twintig.item:${id}`);
    expect(note!.reply.actions[0]!.label).toBe('Ik denk mee (1)');
    expect(note!.reply.text).toMatch(/Denken mee: 1 \(Anna\)/);
    expect(await ctx.db.prisma.notification.count({ where: { key: `twintig.item:${id}` } })).toBe(1);
  });

  it('refuses outsiders and non-facilitators, and lets the facilitator approve', async () => {
    const t = await newTeam();
    const { id } = await request(t, t.coach);
    await expect(act(t, STRANGER, 'twintig.rsvp', id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(t, t.coach, 'twintig.approve', id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(t, t.anna, 'twintig.withdraw', id)).rejects.toMatchObject({ code: 'forbidden' });
    await act(t, t.bram, 'twintig.approve', id);
    expect((await item(id)).status).toBe('approved');
    expect((await notification(`twintig.item:${id}`))!.reply.text).toMatch(/goedgekeurd/);
  });

  it('fills a meeting, then the next; reorders on request of the facilitator', async () => {
    const t = await newTeam();
    const first = (await request(t, t.coach)).id;
    const second = (await request(t, t.anna, { summary: 'Jongere met schulden en een gokprobleem.', dilemma: '7' })).id;
    const third = (await request(t, t.bram, { summary: 'Gezin met een vechtscheiding.', dilemma: '11' })).id;
    expect((await item(second)).meeting!.localDate).toBe('2026-03-10');
    expect((await item(third)).meeting!.localDate).toBe('2026-03-24');
    await act(t, t.lead, 'twintig.up', second);
    expect((await item(second)).position).toBe(1);
    expect((await item(first)).position).toBe(2);
    expect((await notification(`twintig.item:${first}`))!.reply.text).toMatch(/punt 2 van 2/);
  });

  it('frees the slot when the requester withdraws', async () => {
    const t = await newTeam();
    const first = (await request(t, t.coach)).id;
    const second = (await request(t, t.anna, { dilemma: '7' })).id;
    await act(t, t.anna, 'twintig.withdraw', second);
    expect((await notification(`twintig.item:${second}`))!.reply.text).toMatch(/ingetrokken/);
    expect((await item(first)).position).toBe(1);
    const next = (await request(t, t.coach, { summary: 'Oudere man vereenzaamt na overlijden partner.' })).id;
    expect((await item(next)).meeting!.localDate).toBe('2026-03-10');
  });

  it('moves a case to a later meeting, and again when its date becomes a holiday', async () => {
    const t = await newTeam();
    await request(t, t.anna);
    const mine = (await request(t, t.coach)).id;
    const later = (await request(t, t.bram, { summary: 'Gezin met een vechtscheiding.', dilemma: '11' })).id;
    const moved = await act(t, t.coach, 'twintig.move', mine);
    expect(moved.text).toMatch(/24 maart/);
    const skip = await say(t, t.lead, '/teamritme overslaan 2026-03-24');
    expect(skip.text).toMatch(/2 casus/);
    expect((await item(later)).meeting!.localDate).toBe('2026-04-07');
    // After the spring DST change the meeting is still at 10:00 local time.
    expect((await item(later)).meeting!.startsAt.toISOString()).toBe('2026-04-07T08:00:00.000Z');
    expect((await ctx.db.prisma.consultationMeeting.findFirstOrThrow({ where: { teamId: t.id, localDate: '2026-03-24' } })).status).toBe('cancelled');
  });
});

describe('an urgent case without room: extra session poll', () => {
  it('polls the team, counts votes and plans the winner when the poll closes', async () => {
    const t = await newTeam();
    const { id, reply } = await request(t, t.anna, { summary: 'Acute huisuitzetting dreigt.', urgency: 'urgent', latest_date: '2026-03-06' });
    expect(reply.text).toMatch(/geen plek vóór 2026-03-06/);
    const poll = await ctx.db.prisma.consultationPoll.findFirstOrThrow({ where: { requestId: id } });
    expect(poll.options.map((o) => o.toISOString())).toEqual(['2026-03-03T09:00:00.000Z', '2026-03-04T09:00:00.000Z', '2026-03-05T09:00:00.000Z']);
    await act(t, t.anna, 'twintig.vote', `${poll.id}:1`);
    await act(t, t.bram, 'twintig.vote', `${poll.id}:1`);
    await act(t, t.coach, 'twintig.vote', `${poll.id}:2`);
    await expect(act(t, STRANGER, 'twintig.vote', `${poll.id}:0`)).rejects.toMatchObject({ code: 'forbidden' });
    const note = await notification(`twintig.poll:${poll.id}`);
    expect(note!.reply.actions.map((a) => a.label)).toEqual([expect.stringMatching(/\(0\)$/), expect.stringMatching(/woensdag 4 maart 2026 10:00 \(2\)$/), expect.stringMatching(/\(1\)$/), 'Peiling nu sluiten']);
    clock.set(poll.closesAt);
    await runDueJobs(ctx, TWINTIG_JOBS);
    const planned = await item(id);
    expect(planned.status).toBe('scheduled');
    expect(planned.meeting).toMatchObject({ kind: 'extra', localDate: '2026-03-04' });
    expect(planned.meeting!.endsAt.getTime() - planned.meeting!.startsAt.getTime()).toBe(30 * 60_000);
    expect((await notification(`twintig.poll:${poll.id}`))!.reply.text).toMatch(/gepland op woensdag 4 maart/);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the agenda, the outcome and the follow-up', () => {
  it('posts the agenda with the preparation steps at 16:00 the day before', async () => {
    const t = await newTeam();
    const first = (await request(t, t.coach)).id;
    const meetingId = (await item(first)).meetingId!;
    clock.set('2026-03-09T14:59:00Z');
    await runDueJobs(ctx, TWINTIG_JOBS);
    expect(await notification(`twintig.agenda:${meetingId}`)).toBeNull();
    clock.set('2026-03-09T15:00:00Z');
    await runDueJobs(ctx, TWINTIG_JOBS);
    const agenda = await notification(`twintig.agenda:${meetingId}`);
    expect(agenda!.teamId).toBe(t.id);
    expect(agenda!.reply.text).toMatch(/1\. 3\. Eigen kracht of kracht van buiten\?/);
    expect(agenda!.reply.text).toMatch(/Verhelderende vragen/);
    expect(agenda!.reply.text).toContain(`/api/meetings/${meetingId}.ics`);

    // A posted agenda follows later changes in place: a late case, a reorder, a withdrawal.
    const late = (await request(t, t.anna, { summary: 'Oudere buurman die steeds vaker verward is.', dilemma: '7' })).id;
    expect((await item(late)).meetingId).toBe(meetingId);
    const firstDilemma = (await item(first)).dilemma;
    const lateDilemma = (await item(late)).dilemma;
    const agendaText = async () => (await notification(`twintig.agenda:${meetingId}`))!.reply.text;
    expect(await agendaText()).toMatch(new RegExp(`1\\. ${escape(firstDilemma)}[\\s\\S]*2\\. ${escape(lateDilemma)}`));
    await act(t, t.lead, 'twintig.up', late);
    expect(await agendaText()).toMatch(new RegExp(`1\\. ${escape(lateDilemma)}[\\s\\S]*2\\. ${escape(firstDilemma)}`));
    await act(t, t.anna, 'twintig.withdraw', late);
    expect(await agendaText()).not.toContain(lateDilemma);
    expect(await agendaText()).toContain(`1. ${firstDilemma}`);
  });

  it('asks for the outcome at the end and stores it as a team-only casusbespreking', async () => {
    const t = await newTeam();
    const first = (await request(t, t.coach, { summary: 'Mevrouw Fatima Bouzid woont aan de Dorpsstraat 12 met ernstige woningvervuiling.' })).id;
    const meetingId = (await item(first)).meetingId!;
    clock.set('2026-03-10T11:00:00Z');
    await runDueJobs(ctx, TWINTIG_JOBS);
    const ask = await notification(`twintig.outcome:${meetingId}:${t.bram}`);
    expect(ask!.reply.actions.map((a) => a.value)).toContain(first);
    expect(await notification(`twintig.outcome:${meetingId}:${t.coach}`)).not.toBeNull();
    await expect(act(t, t.anna, 'twintig.outcome-open', first)).rejects.toMatchObject({ code: 'forbidden' });
    const { confirm, stored } = await recordOutcome(t, first);
    expect(confirm.form!.fields[0]!.value).not.toMatch(/Bouzid/);
    expect(stored.text).toMatch(/Casusbespreking dinsdag 10 maart 2026: Eigen kracht of kracht van buiten\?/);
    const doc = await ctx.db.prisma.document.findFirstOrThrow({ where: { sourceKey: `casus/${t.id}/twintig-${first}` }, include: { collection: true } });
    expect(doc.type).toBe('casus');
    expect(doc.collection.teamId).toBe(t.id);
    const everything = JSON.stringify(await Promise.all(['consultation_request', 'consultation_follow_up', 'chunk', 'document', 'notification'].map((table) => ctx.db.sql.query(`SELECT * FROM ${table}`))));
    expect(everything).not.toMatch(/Bouzid|Fatima|Dorpsstraat/);
    expect((await item(first)).status).toBe('discussed');
    await expect(act(t, t.bram, 'twintig.outcome-open', first)).rejects.toThrow(/al vastgelegd/);
  });

  it('is found by the same team and never by another', async () => {
    const t = await newTeam();
    await recordOutcome(t, (await request(t, t.coach, { summary: 'Ernstige woningvervuiling; de bewoonster weigert hulp.' })).id);
    const own = await searchPassages(ctx, 'woningvervuiling bemoeizorg GGD', { teamIds: [t.id], type: 'casus' });
    expect(own[0]?.title).toMatch(/^Casusbespreking dinsdag 10 maart 2026/);
    const other = await searchPassages(ctx, 'woningvervuiling bemoeizorg GGD', { teamIds: [OTHER], type: 'casus' });
    expect(other.filter((p) => p.title.startsWith('Casusbespreking dinsdag'))).toEqual([]);
    const answer = await handleTurn(ctx, turn(t, t.coach, { text: 'Hebben we eerder een vergelijkbare casus besproken over woningvervuiling?' }));
    expect(answer.citations.some((c) => c.title.startsWith('Casusbespreking dinsdag 10 maart'))).toBe(true);
    const outsider = await handleTurn(ctx, { channel: 'web', userId: STRANGER, teamId: OTHER, text: 'Hebben we eerder een vergelijkbare casus besproken over woningvervuiling?' });
    expect(outsider.citations.some((c) => c.title.startsWith('Casusbespreking dinsdag 10 maart'))).toBe(false);
  });

  it('reminds the owner on the due date and asks the effect back at the next meeting', async () => {
    const t = await newTeam();
    const first = (await request(t, t.coach)).id;
    await request(t, t.anna);
    // The next meeting with a case is 7 April: 24 March is skipped.
    const later = (await request(t, t.bram, { summary: 'Gezin met een vechtscheiding.', dilemma: '11' })).id;
    await say(t, t.lead, '/teamritme overslaan 2026-03-24');
    await recordOutcome(t, first);
    const followUp = await ctx.db.prisma.consultationFollowUp.findFirstOrThrow({ where: { requestId: first } });
    clock.set('2026-03-17T07:59:00Z');
    await runDueJobs(ctx, TWINTIG_JOBS);
    expect(await notification(`twintig.follow-up:${followUp.id}`)).toBeNull();
    clock.set('2026-03-17T08:00:00Z'); // 09:00 in Amsterdam
    await runDueJobs(ctx, TWINTIG_JOBS);
    const reminder = await notification(`twintig.follow-up:${followUp.id}`);
    expect(reminder!.userId).toBe(t.anna);
    expect(reminder!.reply.text).toMatch(/GGD bellen/);
    clock.set('2026-04-06T14:00:00Z'); // 16:00 CEST
    await runDueJobs(ctx, TWINTIG_JOBS);
    const nextMeeting = (await item(later)).meetingId!;
    expect((await notification(`twintig.agenda:${nextMeeting}`))!.reply.text).toMatch(/Terugblik[\s\S]*GGD bellen over bemoeizorg \(Anna, klaar op 2026-03-17\)/);
    const ask = await notification(`twintig.effect:${followUp.id}`);
    expect(ask!.userId).toBe(t.anna);
    await expect(act(t, t.bram, 'twintig.effect-open', followUp.id)).rejects.toMatchObject({ code: 'forbidden' });
    const form = await act(t, t.anna, 'twintig.effect-open', followUp.id);
    const done = await act(t, t.anna, form.form!.submit.id, form.form!.id, { effect: 'De GGD gaat mee op huisbezoek; eerste kamer is opgeruimd.' });
    expect(done.text).toMatch(/Dank je/);
    expect((await ctx.db.prisma.consultationFollowUp.findUniqueOrThrow({ where: { id: followUp.id } })).status).toBe('done');
    const passages = await searchPassages(ctx, 'eerste kamer opgeruimd', { teamIds: [t.id], type: 'casus' });
    expect(passages.some((p) => p.text.includes('eerste kamer is opgeruimd'))).toBe(true);
  });
});

describe('web API and calendar files', () => {
  it('runs a request through POST /api/chat and /api/action', async () => {
    const post = async (path: string, body: unknown) => (await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    const form = await post('/api/chat', { text: '/twintigogen' });
    expect(form.form.submit.id).toBe('twintig.request-submit');
    const confirm = await post('/api/action', { actionId: form.form.submit.id, value: form.form.id, fields: { summary: 'Jan de Vries (80) wil niet naar het verpleeghuis.', dilemma: '9', question: 'Wat wegen we mee?', urgency: 'normal' } });
    expect(confirm.form.fields[0].value).not.toMatch(/Jan de Vries/);
    const done = await post('/api/action', { actionId: confirm.form.submit.id, value: confirm.form.id, fields: Object.fromEntries(confirm.form.fields.map((f: { name: string; value: string }) => [f.name, f.value])) });
    expect(done.text).toMatch(/op de agenda/);
    expect(done.actions.map((a: { id: string }) => a.id)).toContain('twintig.withdraw');
  });

  it('serves a VCALENDAR per meeting and a team feed in Europe/Amsterdam', async () => {
    // The web chat's user may open the files of its own teams without a link.
    const t = await newTeam({ members: [WEB] });
    await request(t, t.coach);
    await request(t, t.anna);
    const later = (await request(t, t.bram, { summary: 'Gezin met een vechtscheiding.', dilemma: '11' })).id;
    await say(t, t.lead, '/teamritme overslaan 2026-03-24');
    const meetingId = (await item(later)).meetingId!;
    const one = await fetch(`${server.url}/api/meetings/${meetingId}.ics`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toMatch(/text\/calendar/);
    const ics = await one.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20260407T100000');
    expect(ics).not.toMatch(/vechtscheiding/); // the summary stays out; only dilemma and question
    const feed = await (await fetch(`${server.url}/api/teams/${t.id}/agenda.ics`)).text();
    expect(feed).toContain('DTSTART;TZID=Europe/Amsterdam:20260310T100000');
    expect((await fetch(`${server.url}/api/teams/${OTHER}/agenda.ics`)).status).toBe(403);
  });

  it('opens a team calendar by the member\'s own secret link, no other team with it, and not after the member leaves', async () => {
    const t = await newTeam();
    const { id } = await request(t, t.coach);
    const shown = await say(t, t.anna, '/teamritme');
    const link = /(http:\/\/\S+\/api\/teams\/\S+\/agenda\.ics\?member=\S+&key=[\w-]+)/.exec(shown.text)?.[1];
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.searchParams.get('member')).toBe(t.anna);
    const feed = await fetch(`${server.url}${url.pathname}${url.search}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
    // The key belongs to this member of this team: not another team, not another member, not guessed.
    expect((await fetch(`${server.url}/api/teams/${OTHER}/agenda.ics${url.search}`)).status).toBe(401);
    expect((await fetch(`${server.url}${url.pathname}?member=${encodeURIComponent(t.bram)}&key=${url.searchParams.get('key')}`)).status).toBe(401);
    expect((await fetch(`${server.url}${url.pathname}?key=${url.searchParams.get('key')}`)).status).toBe(401);
    expect((await fetch(`${server.url}${url.pathname}?member=${encodeURIComponent(t.anna)}&key=${'x'.repeat(32)}`)).status).toBe(401);

    // A meeting file opens with the team key from the messages in the team channel, not with the feed key.
    const meetingId = (await item(id)).meetingId!;
    const announcement = await notification(`twintig.item:${id}`);
    const meetingLink = /(http:\/\/\S+\/api\/meetings\/\S+\.ics\?key=[\w-]+)/.exec(announcement?.reply.text ?? '')?.[1];
    expect(meetingLink, 'the announcement links the meeting file').toBeDefined();
    expect((await fetch(`${server.url}${new URL(meetingLink!).pathname}${new URL(meetingLink!).search}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/meetings/${meetingId}.ics${url.search}`)).status).toBe(401);

    await ctx.db.prisma.teamMember.delete({ where: { teamId_userId: { teamId: t.id, userId: t.anna } } });
    expect((await fetch(`${server.url}${url.pathname}${url.search}`)).status).toBe(403);
  });
});
