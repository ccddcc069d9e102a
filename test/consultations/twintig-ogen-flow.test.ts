import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { startWebServer, type RunningServer } from '../../src/channels/web/server.ts';
import { TWINTIG_JOBS } from '../../src/consultations/twintig-ogen/jobs.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import { searchPassages } from '../../src/knowledge/search-passages.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext, LogCapture } from '../support/context.ts';

const clock = new ManualClock('2026-03-02T08:00:00Z'); // Monday
let ctx: Awaited<ReturnType<typeof createTestContext>>;
let server: RunningServer;
const TEAM = 'tw-noord';
const OTHER = 'tw-zuid';
const LEAD = 'web:tw-lead';
const COACH = 'web:tw-coach';
const ANNA = 'web:tw-anna';
const BRAM = 'web:tw-bram';
const STRANGER = 'web:tw-zuid';

const turn = (userId: string, extra: Partial<Turn>): Turn => ({ channel: 'web', userId, teamId: TEAM, ...extra });
const say = (userId: string, text: string) => handleTurn(ctx, turn(userId, { text }));
const act = (userId: string, id: string, value?: string, fields?: Record<string, string>) => handleTurn(ctx, turn(userId, { action: { id, value, fields } }));
const notification = async (key: string) => {
  const row = await ctx.db.prisma.notification.findUnique({ where: { key } });
  return row ? { ...row, reply: row.reply as unknown as Reply } : null;
};
const item = (id: string) => ctx.db.prisma.consultationRequest.findUniqueOrThrow({ where: { id }, include: { meeting: true } });

/** /twintigogen → form → submit → confirm; returns the request id and the reply to the requester. */
async function request(userId: string, fields: Record<string, string>): Promise<{ id: string; reply: Reply; confirm: Reply }> {
  const form = await say(userId, '/twintigogen');
  const confirm = await act(userId, form.form!.submit.id, form.form!.id, { dilemma: '3', question: 'Wat doen we?', urgency: 'normal', ...fields });
  const values = Object.fromEntries(confirm.form!.fields.map((f) => [f.name, f.value]));
  const reply = await act(userId, confirm.form!.submit.id, confirm.form!.id, values);
  return { id: confirm.form!.id, reply, confirm };
}

beforeAll(async () => {
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_DEFAULT_TEAM: TEAM }, new LogCapture(), clock);
  await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: LEAD, displayName: 'Lotte Leider', role: 'lead' });
  for (const [id, name] of [[COACH, 'Cas Coach'], [ANNA, 'Anna'], [BRAM, 'Bram'], ['web:local', 'Web']] as const) {
    await ensureMember(ctx.db.prisma, { teamId: TEAM, userId: id, displayName: name });
  }
  await ensureMember(ctx.db.prisma, { teamId: OTHER, userId: STRANGER, displayName: 'Zoë Zuid' });
  server = await startWebServer(ctx);
});
afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

const ids = {} as Record<"first" | "second" | "third" | "fourth" | "urgent" | "meeting", string>;

describe('team rhythm', () => {
  it('lets only leads set it; a member sees it without a form', async () => {
    await expect(say(COACH, '/teamritme dag=di elke=2 vanaf=2026-03-10')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(say(COACH, '/twintigogen')).rejects.toThrow(/nog geen teamritme/);
    const set = await say(LEAD, '/teamritme dag=di elke=2 vanaf=2026-03-10 van=10:00 tot=12:00 casussen=2 minuten=30');
    expect(set.text).toMatch(/Om de 2 weken op dinsdag, 10:00–12:00/);
    const shown = await say(COACH, '/teamritme');
    expect(shown.form).toBeUndefined();
    expect(shown.text).toMatch(/dinsdag 10 maart 2026 10:00 \(2 plekken vrij\)/);
    const leadView = await say(LEAD, '/teamritme');
    expect(leadView.form?.submit.id).toBe('twintig.ritme-save');
    expect(leadView.form?.fields.find((f) => f.name === 'anchor')?.value).toBe('2026-03-10');
  });

  it('saves the form, with a facilitator by name', async () => {
    const reply = await act(LEAD, 'twintig.ritme-save', TEAM, { weekday: '2', interval: '2', anchor: '2026-03-10', start: '10:00', end: '12:00', cases: '2', minutes: '30', skipped: '', facilitators: 'Bram', timeZone: 'Europe/Amsterdam' });
    expect(reply.text).toMatch(/opgeslagen/);
    expect((await ctx.db.prisma.teamRhythm.findUniqueOrThrow({ where: { teamId: TEAM } })).facilitatorIds).toEqual([BRAM]);
  });
});

describe('requesting a twintig-ogen consultation', () => {
  it('anonymises the case before anything is stored and announces it with an RSVP button', async () => {
    const { id, reply, confirm } = await request(COACH, {
      summary: 'Mevrouw Fatima Bouzid (45) woont aan de Dorpsstraat 12 met ernstige woningvervuiling en weigert hulp.',
      question: 'Moeten we Fatima Bouzid bemoeizorg aanbieden of wachten?',
      tried: 'Twee huisbezoeken.',
    });
    ids.first = id;
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
    expect(note!.teamId).toBe(TEAM);
    expect(note!.reply.actions[0]).toMatchObject({ id: 'twintig.rsvp', label: 'Ik denk mee (0)' });
    expect(JSON.stringify(note)).not.toMatch(/Bouzid/);
  });

  it('counts RSVPs in the same announcement', async () => {
    const reply = await act(ANNA, 'twintig.rsvp', ids.first);
    expect(reply.text).toMatch(/denkt mee/);
    const note = await notification(`twintig.item:${ids.first}`);
    expect(note!.reply.actions[0]!.label).toBe('Ik denk mee (1)');
    expect(note!.reply.text).toMatch(/Denken mee: 1 \(Anna\)/);
    expect(await ctx.db.prisma.notification.count({ where: { key: `twintig.item:${ids.first}` } })).toBe(1);
  });

  it('refuses outsiders and non-facilitators, and lets the facilitator approve', async () => {
    await expect(act(STRANGER, 'twintig.rsvp', ids.first)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(COACH, 'twintig.approve', ids.first)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(ANNA, 'twintig.withdraw', ids.first)).rejects.toMatchObject({ code: 'forbidden' });
    await act(BRAM, 'twintig.approve', ids.first);
    expect((await item(ids.first)).status).toBe('approved');
    expect((await notification(`twintig.item:${ids.first}`))!.reply.text).toMatch(/goedgekeurd/);
  });

  it('fills a meeting, then the next; reorders on request of the facilitator', async () => {
    ids.second = (await request(ANNA, { summary: 'Jongere met schulden en een gokprobleem.', dilemma: '7' })).id;
    ids.third = (await request(BRAM, { summary: 'Gezin met een vechtscheiding.', dilemma: '11' })).id;
    expect((await item(ids.second)).meeting!.localDate).toBe('2026-03-10');
    expect((await item(ids.third)).meeting!.localDate).toBe('2026-03-24');
    await act(LEAD, 'twintig.up', ids.second);
    expect((await item(ids.second)).position).toBe(1);
    expect((await item(ids.first)).position).toBe(2);
    expect((await notification(`twintig.item:${ids.first}`))!.reply.text).toMatch(/punt 2 van 2/);
  });

  it('frees the slot when the requester withdraws', async () => {
    await act(ANNA, 'twintig.withdraw', ids.second);
    expect((await notification(`twintig.item:${ids.second}`))!.reply.text).toMatch(/ingetrokken/);
    expect((await item(ids.first)).position).toBe(1);
    ids.fourth = (await request(COACH, { summary: 'Oudere man vereenzaamt na overlijden partner.', dilemma: '3' })).id;
    expect((await item(ids.fourth)).meeting!.localDate).toBe('2026-03-10');
  });

  it('moves a case to a later meeting, and again when its date becomes a holiday', async () => {
    const moved = await act(COACH, 'twintig.move', ids.fourth);
    expect(moved.text).toMatch(/24 maart/);
    const skip = await say(LEAD, '/teamritme overslaan 2026-03-24');
    expect(skip.text).toMatch(/2 casus/);
    expect((await item(ids.third)).meeting!.localDate).toBe('2026-04-07');
    // After the spring DST change the meeting is still at 10:00 local time.
    expect((await item(ids.third)).meeting!.startsAt.toISOString()).toBe('2026-04-07T08:00:00.000Z');
    expect((await ctx.db.prisma.consultationMeeting.findFirstOrThrow({ where: { teamId: TEAM, localDate: '2026-03-24' } })).status).toBe('cancelled');
  });
});

describe('an urgent case without room: extra session poll', () => {
  it('polls the team, counts votes and plans the winner when the poll closes', async () => {
    const { id, reply } = await request(ANNA, { summary: 'Acute huisuitzetting dreigt.', urgency: 'urgent', latest_date: '2026-03-06' });
    ids.urgent = id;
    expect(reply.text).toMatch(/geen plek vóór 2026-03-06/);
    const poll = await ctx.db.prisma.consultationPoll.findFirstOrThrow({ where: { requestId: id } });
    expect(poll.options.map((o) => o.toISOString())).toEqual(['2026-03-03T09:00:00.000Z', '2026-03-04T09:00:00.000Z', '2026-03-05T09:00:00.000Z']);
    await act(ANNA, 'twintig.vote', `${poll.id}:1`);
    await act(BRAM, 'twintig.vote', `${poll.id}:1`);
    await act(COACH, 'twintig.vote', `${poll.id}:2`);
    await expect(act(STRANGER, 'twintig.vote', `${poll.id}:0`)).rejects.toMatchObject({ code: 'forbidden' });
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
    const meetingId = (await item(ids.first)).meetingId!;
    ids.meeting = meetingId;
    clock.set('2026-03-09T14:59:00Z');
    await runDueJobs(ctx, TWINTIG_JOBS);
    expect(await notification(`twintig.agenda:${meetingId}`)).toBeNull();
    clock.set('2026-03-09T15:00:00Z');
    await runDueJobs(ctx, TWINTIG_JOBS);
    const agenda = await notification(`twintig.agenda:${meetingId}`);
    expect(agenda!.teamId).toBe(TEAM);
    expect(agenda!.reply.text).toMatch(/1\. 3\. Eigen kracht of kracht van buiten\?/);
    expect(agenda!.reply.text).toMatch(/Verhelderende vragen/);
    expect(agenda!.reply.text).toContain(`/api/meetings/${meetingId}.ics`);

    // A posted agenda follows later changes in place: a late case, a reorder, a withdrawal.
    const late = (await request(ANNA, { summary: 'Oudere buurman die steeds vaker verward is.', dilemma: '7' })).id;
    expect((await item(late)).meetingId).toBe(meetingId);
    const first = (await item(ids.first)).dilemma;
    const lateDilemma = (await item(late)).dilemma;
    const agendaText = async () => (await notification(`twintig.agenda:${meetingId}`))!.reply.text;
    expect(await agendaText()).toMatch(new RegExp(`1\\. ${escape(first)}[\\s\\S]*2\\. ${escape(lateDilemma)}`));
    await act(LEAD, 'twintig.up', late);
    expect(await agendaText()).toMatch(new RegExp(`1\\. ${escape(lateDilemma)}[\\s\\S]*2\\. ${escape(first)}`));
    await act(ANNA, 'twintig.withdraw', late);
    expect(await agendaText()).not.toContain(lateDilemma);
    expect(await agendaText()).toContain(`1. ${first}`);
  });

  it('asks for the outcome at the end and stores it as a team-only casusbespreking', async () => {
    clock.set('2026-03-10T11:00:00Z');
    await runDueJobs(ctx, TWINTIG_JOBS);
    const ask = await notification(`twintig.outcome:${ids.meeting}:${BRAM}`);
    expect(ask!.reply.actions.map((a) => a.value)).toContain(ids.first);
    expect(await notification(`twintig.outcome:${ids.meeting}:${COACH}`)).not.toBeNull();
    await expect(act(ANNA, 'twintig.outcome-open', ids.first)).rejects.toMatchObject({ code: 'forbidden' });
    const form = await act(BRAM, 'twintig.outcome-open', ids.first);
    const confirm = await act(BRAM, form.form!.submit.id, form.form!.id, {
      advice: 'Ga samen met de GGD langs bij mevrouw Bouzid; begin bij wat zij zelf wil opruimen.',
      agreements: 'Coach plant een huisbezoek met de GGD.',
      followup_owner: ANNA,
      followup_text: 'GGD bellen over bemoeizorg',
      followup_due: '2026-03-17',
    });
    expect(confirm.form!.fields[0]!.value).not.toMatch(/Bouzid/);
    const stored = await act(BRAM, confirm.form!.submit.id, confirm.form!.id, Object.fromEntries(confirm.form!.fields.map((f) => [f.name, f.value])));
    expect(stored.text).toMatch(/Casusbespreking dinsdag 10 maart 2026: Eigen kracht of kracht van buiten\?/);
    const doc = await ctx.db.prisma.document.findFirstOrThrow({ where: { sourceKey: `casus/${TEAM}/twintig-${ids.first}` }, include: { collection: true } });
    expect(doc.type).toBe('casus');
    expect(doc.collection.teamId).toBe(TEAM);
    const everything = JSON.stringify(await Promise.all(['consultation_request', 'consultation_follow_up', 'chunk', 'document', 'notification'].map((t) => ctx.db.sql.query(`SELECT * FROM ${t}`))));
    expect(everything).not.toMatch(/Bouzid|Fatima|Dorpsstraat/);
    expect((await item(ids.first)).status).toBe('discussed');
    await expect(act(BRAM, 'twintig.outcome-open', ids.first)).rejects.toThrow(/al vastgelegd/);
  });

  it('is found by the same team and never by another', async () => {
    const own = await searchPassages(ctx, 'woningvervuiling bemoeizorg GGD', { teamIds: [TEAM], type: 'casus' });
    expect(own[0]?.title).toMatch(/^Casusbespreking dinsdag 10 maart 2026/);
    const other = await searchPassages(ctx, 'woningvervuiling bemoeizorg GGD', { teamIds: [OTHER], type: 'casus' });
    expect(other.filter((p) => p.title.startsWith('Casusbespreking dinsdag'))).toEqual([]);
    const answer = await handleTurn(ctx, turn(COACH, { text: 'Hebben we eerder een vergelijkbare casus besproken over woningvervuiling?' }));
    expect(answer.citations.some((c) => c.title.startsWith('Casusbespreking dinsdag 10 maart'))).toBe(true);
    const outsider = await handleTurn(ctx, { channel: 'web', userId: STRANGER, teamId: OTHER, text: 'Hebben we eerder een vergelijkbare casus besproken over woningvervuiling?' });
    expect(outsider.citations.some((c) => c.title.startsWith('Casusbespreking dinsdag 10 maart'))).toBe(false);
  });

  it('reminds the owner on the due date and asks the effect back at the next meeting', async () => {
    const followUp = await ctx.db.prisma.consultationFollowUp.findFirstOrThrow({ where: { requestId: ids.first } });
    clock.set('2026-03-17T07:59:00Z');
    await runDueJobs(ctx, TWINTIG_JOBS);
    expect(await notification(`twintig.follow-up:${followUp.id}`)).toBeNull();
    clock.set('2026-03-17T08:00:00Z'); // 09:00 in Amsterdam
    await runDueJobs(ctx, TWINTIG_JOBS);
    const reminder = await notification(`twintig.follow-up:${followUp.id}`);
    expect(reminder!.userId).toBe(ANNA);
    expect(reminder!.reply.text).toMatch(/GGD bellen/);
    // The next meeting with cases is 7 April (24 March was skipped); its agenda asks the effect back.
    clock.set('2026-04-06T14:00:00Z'); // 16:00 CEST
    await runDueJobs(ctx, TWINTIG_JOBS);
    const nextMeeting = (await item(ids.third)).meetingId!;
    expect((await notification(`twintig.agenda:${nextMeeting}`))!.reply.text).toMatch(/Terugblik[\s\S]*GGD bellen over bemoeizorg \(Anna, klaar op 2026-03-17\)/);
    const ask = await notification(`twintig.effect:${followUp.id}`);
    expect(ask!.userId).toBe(ANNA);
    await expect(act(BRAM, 'twintig.effect-open', followUp.id)).rejects.toMatchObject({ code: 'forbidden' });
    const form = await act(ANNA, 'twintig.effect-open', followUp.id);
    const done = await act(ANNA, form.form!.submit.id, form.form!.id, { effect: 'De GGD gaat mee op huisbezoek; eerste kamer is opgeruimd.' });
    expect(done.text).toMatch(/Dank je/);
    expect((await ctx.db.prisma.consultationFollowUp.findUniqueOrThrow({ where: { id: followUp.id } })).status).toBe('done');
    const passages = await searchPassages(ctx, 'eerste kamer opgeruimd', { teamIds: [TEAM], type: 'casus' });
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
    const meetingId = (await item(ids.third)).meetingId!;
    const one = await fetch(`${server.url}/api/meetings/${meetingId}.ics`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toMatch(/text\/calendar/);
    const ics = await one.text();
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20260407T100000');
    expect(ics).not.toMatch(/vechtscheiding/); // the summary stays out; only dilemma and question
    const feed = await (await fetch(`${server.url}/api/teams/${TEAM}/agenda.ics`)).text();
    expect(feed).toContain('DTSTART;TZID=Europe/Amsterdam:20260310T100000');
    expect((await fetch(`${server.url}/api/teams/${OTHER}/agenda.ics`)).status).toBe(403);
  });

  it('opens a team calendar by the member\'s own secret link, no other team with it, and not after the member leaves', async () => {
    const shown = await say(ANNA, '/teamritme');
    const link = /(http:\/\/\S+\/api\/teams\/\S+\/agenda\.ics\?member=\S+&key=[\w-]+)/.exec(shown.text)?.[1];
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.searchParams.get('member')).toBe(ANNA);
    const feed = await fetch(`${server.url}${url.pathname}${url.search}`);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
    // The key belongs to this member of this team: not another team, not another member, not guessed.
    expect((await fetch(`${server.url}/api/teams/${OTHER}/agenda.ics${url.search}`)).status).toBe(401);
    expect((await fetch(`${server.url}${url.pathname}?member=${encodeURIComponent(BRAM)}&key=${url.searchParams.get('key')}`)).status).toBe(401);
    expect((await fetch(`${server.url}${url.pathname}?key=${url.searchParams.get('key')}`)).status).toBe(401);
    expect((await fetch(`${server.url}${url.pathname}?member=${encodeURIComponent(ANNA)}&key=${'x'.repeat(32)}`)).status).toBe(401);

    // A meeting file opens with the team key from the messages in the team channel, not with the feed key.
    const meetingId = (await item(ids.third)).meetingId!;
    const agenda = await notification(`twintig.item:${ids.third}`);
    const meetingLink = /(http:\/\/\S+\/api\/meetings\/\S+\.ics\?key=[\w-]+)/.exec(agenda?.reply.text ?? '')?.[1];
    expect(meetingLink, 'the announcement links the meeting file').toBeDefined();
    expect((await fetch(`${server.url}${new URL(meetingLink!).pathname}${new URL(meetingLink!).search}`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/meetings/${meetingId}.ics${url.search}`)).status).toBe(401);

    await ctx.db.prisma.teamMember.delete({ where: { teamId_userId: { teamId: TEAM, userId: ANNA } } });
    expect((await fetch(`${server.url}${url.pathname}${url.search}`)).status).toBe(403);
  });
});
