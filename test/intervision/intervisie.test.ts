import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { FEATURE_JOBS } from '../../src/features.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext } from '../support/context.ts';
import { webServerFor } from '../support/post-reply.ts';
import { releasePlaces } from '../../src/intervision/release-places.ts';

const clock = new ManualClock('2026-03-02T08:00:00Z');
let ctx: Awaited<ReturnType<typeof createTestContext>>;

beforeAll(async () => {
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_DEFAULT_TEAM: 'iv-web' }, undefined, clock);
});
afterAll(async () => {
  await ctx?.close();
});

const turn = (userId: string, teamId: string, extra: Partial<Turn>): Turn => ({ channel: 'slack', userId, teamId, ...extra });
const act = (userId: string, teamId: string, id: string, value?: string, fields?: Record<string, string>) => handleTurn(ctx, turn(userId, teamId, { action: { id, value, fields } }));

async function team(teamId: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `slack:T1:${teamId}-u${i + 1}`);
  for (const [i, userId] of ids.entries()) await ensureMember(ctx.db.prisma, { teamId, userId, displayName: `Collega ${i + 1}`, role: i === 0 ? 'lead' : 'member' });
  return ids;
}

const slotFields = (over: Record<string, string> = {}) => ({
  title: 'Intervisie',
  method: 'incidentmethode',
  facilitator: '',
  date: '2026-03-12',
  time: '14:00',
  duration: '90',
  place: 'Wijkcentrum De Brug, zaal 2',
  capacity: '2',
  recurrence: 'eenmalig',
  occurrences: '1',
  ...over,
});

async function slotsOf(teamId: string) {
  return ctx.db.sql.query<{ id: string; local_date: string; local_time: string; starts_at: Date }>(`SELECT id, local_date, local_time, starts_at FROM intervisie_slot WHERE team_id = $1 ORDER BY starts_at`, [teamId]);
}
async function signups(slotId: string) {
  return ctx.db.sql.query<{ user_id: string; status: string; position: number | null }>(`SELECT user_id, status, position FROM intervisie_signup WHERE slot_id = $1 ORDER BY user_id`, [slotId]);
}
const note = (key: string) => ctx.db.prisma.notification.findUnique({ where: { key } });
const textOf = (n: { reply: unknown } | null) => (n?.reply as unknown as Reply | undefined)?.text ?? '';

describe('intervisie slots', () => {
  it('lets only a lead plan, confirms up to capacity, keeps a waiting list and promotes on cancellation', async () => {
    clock.set('2026-03-02T08:00:00Z');
    const [lead, a, b, c, d] = await team('iv-cap', 5);
    await expect(handleTurn(ctx, turn(a!, 'iv-cap', { text: '/intervisie nieuw' }))).rejects.toMatchObject({ code: 'forbidden' });
    const form = await handleTurn(ctx, turn(lead!, 'iv-cap', { text: '/intervisie nieuw' }));
    expect(form.form?.fields.find((f) => f.name === 'method')?.options?.map((o) => o.value)).toEqual(['balint', 'incidentmethode', 'moreel-beraad', 'roddelmethode']);
    await act(lead!, 'iv-cap', 'intervisie.create', form.form!.id, slotFields());
    const [slot] = await slotsOf('iv-cap');
    expect(textOf(await note(`intervisie.slot:${slot!.id}`))).toMatch(/0 van 2 plekken/);

    const first = await act(a!, 'iv-cap', 'intervisie.signup', slot!.id);
    expect(first.text).toMatch(/aangemeld/);
    expect(first.text).toMatch(/Voorbereiding \(uit "Incidentmethode[^"]*", knowledge\/werkvormen\/incidentmethode\.md\)/);
    expect(first.text).toMatch(/recent incident/);
    await act(b!, 'iv-cap', 'intervisie.signup', slot!.id);
    expect((await act(c!, 'iv-cap', 'intervisie.signup', slot!.id)).text).toMatch(/wachtlijst, plek 1/);
    expect((await act(d!, 'iv-cap', 'intervisie.signup', slot!.id)).text).toMatch(/wachtlijst, plek 2/);
    await act(d!, 'iv-cap', 'intervisie.signup', slot!.id); // twice changes nothing
    expect(await signups(slot!.id)).toEqual([
      { user_id: a, status: 'confirmed', position: null },
      { user_id: b, status: 'confirmed', position: null },
      { user_id: c, status: 'waiting', position: 1 },
      { user_id: d, status: 'waiting', position: 2 },
    ]);
    expect(textOf(await note(`intervisie.slot:${slot!.id}`))).toMatch(/2 van 2 plekken bezet, 2 op de wachtlijst/);

    await act(a!, 'iv-cap', 'intervisie.cancel', slot!.id);
    expect(await signups(slot!.id)).toEqual([
      { user_id: a, status: 'cancelled', position: null },
      { user_id: b, status: 'confirmed', position: null },
      { user_id: c, status: 'confirmed', position: null },
      { user_id: d, status: 'waiting', position: 1 },
    ]);
    const promoted = await note(`intervisie.promoted:${slot!.id}:${c}`);
    expect(promoted?.userId).toBe(c);
    expect(textOf(promoted)).toMatch(/plek vrijgekomen[\s\S]*Voorbereiding/);
    expect(await note(`intervisie.promoted:${slot!.id}:${d}`)).toBeNull();
    expect(textOf(await note(`intervisie.slot:${slot!.id}`))).toMatch(/2 van 2 plekken bezet, 1 op de wachtlijst/);

    // Before a data-subject erasure b's place is given up as a cancellation: d moves up and is told.
    expect(await releasePlaces(ctx, b!)).toBe(1);
    expect((await signups(slot!.id)).find((s) => s.user_id === d)).toEqual({ user_id: d, status: 'confirmed', position: null });
    expect((await note(`intervisie.promoted:${slot!.id}:${d}`))?.userId).toBe(d);

    const outsider = (await team('iv-other', 1))[0]!;
    await expect(act(outsider, 'iv-other', 'intervisie.signup', slot!.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('plans a weekly series at the same local time across the DST change and reminds the day before at 09:00 local', async () => {
    clock.set('2026-03-16T08:00:00Z');
    const [lead, a] = await team('iv-dst', 2);
    await act(lead!, 'iv-dst', 'intervisie.create', 'intervisie-new', slotFields({ date: '2026-03-23', time: '10:00', recurrence: 'elke-week', occurrences: '3', capacity: '4' }));
    const slots = await slotsOf('iv-dst');
    expect(slots.map((s) => [s.local_date, s.local_time, new Date(s.starts_at).toISOString()])).toEqual([
      ['2026-03-23', '10:00', '2026-03-23T09:00:00.000Z'],
      ['2026-03-30', '10:00', '2026-03-30T08:00:00.000Z'],
      ['2026-04-06', '10:00', '2026-04-06T08:00:00.000Z'],
    ]);
    const monday = slots[1]!.id; // its day-before reminder is on Sunday 29 March, the day summer time starts
    await act(a!, 'iv-dst', 'intervisie.signup', monday);
    const dayBefore = `intervisie.reminder:${monday}:day-before:${a}`;
    const hourBefore = `intervisie.reminder:${monday}:hour-before:${a}`;
    clock.set('2026-03-29T06:59:00Z'); // 08:59 CEST
    await runDueJobs(ctx, FEATURE_JOBS);
    expect(await note(dayBefore)).toBeNull();
    clock.set('2026-03-29T07:00:00Z'); // 09:00 CEST
    await runDueJobs(ctx, FEATURE_JOBS);
    expect(textOf(await note(dayBefore))).toMatch(/Morgen is er intervisie/);
    expect(await note(hourBefore)).toBeNull();
    clock.set('2026-03-30T07:00:00Z'); // 09:00 CEST, an hour before 10:00
    await runDueJobs(ctx, FEATURE_JOBS);
    expect(textOf(await note(hourBefore))).toMatch(/Over een uur/);
    const [spring] = await ctx.db.sql.query<{ run_at: Date }>(`SELECT run_at FROM job WHERE key = $1`, [`intervisie.reminder:${monday}:day-before`]);
    expect(new Date(spring!.run_at).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    // Autumn: a slot on Monday 26 October; on Sunday 25 October winter time starts, so 09:00 is 08:00Z.
    clock.set('2026-10-12T08:00:00Z');
    await act(lead!, 'iv-dst', 'intervisie.create', 'intervisie-new', slotFields({ date: '2026-10-26', time: '10:00' }));
    const october = (await slotsOf('iv-dst')).at(-1)!;
    const [reminder] = await ctx.db.sql.query<{ run_at: Date }>(`SELECT run_at FROM job WHERE key = $1`, [`intervisie.reminder:${october.id}:day-before`]);
    expect(new Date(reminder!.run_at).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('runs a date poll and turns the winning date into an announced slot', async () => {
    clock.set('2026-05-04T08:00:00Z');
    const [lead, a, b, c] = await team('iv-poll', 4);
    const form = await handleTurn(ctx, turn(a!, 'iv-poll', { text: '/intervisie aanvragen' }));
    await act(a!, 'iv-poll', 'intervisie.request', form.form!.id, {
      title: 'Balint',
      method: 'balint',
      duration: '90',
      place: 'Teams-link volgt',
      capacity: '6',
      time: '13:30',
      date1: '2026-05-19',
      date2: '2026-05-20',
      date3: '2026-05-21',
      date4: '',
    });
    const [request] = await ctx.db.sql.query<{ id: string }>(`SELECT id FROM intervisie_request WHERE team_id = 'iv-poll'`);
    const poll = await note(`intervisie.poll:${request!.id}`);
    expect(poll?.teamId).toBe('iv-poll');
    expect((poll?.reply as unknown as Reply).actions.filter((x) => x.id === 'intervisie.vote')).toHaveLength(3);
    await act(a!, 'iv-poll', 'intervisie.vote', `${request!.id}:1`);
    await act(b!, 'iv-poll', 'intervisie.vote', `${request!.id}:1`);
    await act(b!, 'iv-poll', 'intervisie.vote', `${request!.id}:1`); // twice counts once
    await act(c!, 'iv-poll', 'intervisie.vote', `${request!.id}:2`);
    expect(textOf(await note(`intervisie.poll:${request!.id}`))).toMatch(/2 stemmen[\s\S]*1 stem/);
    await expect(act(c!, 'iv-poll', 'intervisie.close-poll', request!.id)).rejects.toMatchObject({ code: 'forbidden' });
    const closed = await act(lead!, 'iv-poll', 'intervisie.close-poll', request!.id);
    expect(closed.text).toMatch(/woensdag 20 mei 2026 13:30/);
    const [slot] = await slotsOf('iv-poll');
    expect([slot!.local_date, slot!.local_time]).toEqual(['2026-05-20', '13:30']);
    expect(textOf(await note(`intervisie.slot:${slot!.id}`))).toMatch(/Balint/);
    // The expiry job finds it closed and creates nothing more.
    clock.set('2026-05-10T08:00:00Z');
    await runDueJobs(ctx, FEATURE_JOBS);
    expect(await slotsOf('iv-poll')).toHaveLength(1);
  });

  it('closes an expired poll by its job', async () => {
    clock.set('2026-06-01T08:00:00Z');
    const [, a] = await team('iv-poll-job', 2);
    await act(a!, 'iv-poll-job', 'intervisie.request', 'intervisie-request', {
      title: 'Roddelmethode',
      method: 'roddelmethode',
      duration: '60',
      place: 'Zaal 1',
      capacity: '5',
      time: '10:00',
      date1: '2026-06-16',
      date2: '2026-06-18',
    });
    clock.set('2026-06-06T07:59:00Z');
    await runDueJobs(ctx, FEATURE_JOBS);
    expect(await slotsOf('iv-poll-job')).toHaveLength(0);
    clock.set('2026-06-06T08:00:00Z');
    await runDueJobs(ctx, FEATURE_JOBS);
    const slots = await slotsOf('iv-poll-job');
    expect(slots.map((s) => s.local_date)).toEqual(['2026-06-16']); // no votes: the earliest
  });
});

describe('intervisie through the web chat HTTP API', () => {
  const web = webServerFor(() => ctx);
  const post = web.post;

  it('plans, lists and signs up via /api/chat and /api/action, with the announcement in /api/notifications', async () => {
    clock.set('2026-09-01T08:00:00Z');
    await ensureMember(ctx.db.prisma, { teamId: 'iv-web', userId: 'web:local', role: 'lead' });
    const form = await post('/api/chat', { text: '/intervisie nieuw' });
    const planned = await post('/api/action', { actionId: 'intervisie.create', value: form.form!.id, fields: slotFields({ date: '2026-09-10', capacity: '3' }) });
    expect(planned.text).toMatch(/donderdag 10 september 2026 14:00/);
    const list = await post('/api/chat', { text: '/intervisie' });
    expect(list.text).toMatch(/0\/3/);
    const signupButton = list.actions.find((a) => a.id === 'intervisie.signup')!;
    const signed = await post('/api/action', { actionId: signupButton.id, value: signupButton.value });
    expect(signed.text).toMatch(/aangemeld[\s\S]*Voorbereiding/);
    const { notifications } = (await (await fetch(`${web.url()}/api/notifications`)).json()) as { notifications: { teamId: string | null; reply: Reply }[] };
    const announcement = notifications.find((n) => n.teamId === 'iv-web');
    expect(announcement?.reply.text).toMatch(/1 van 3 plekken/);
  });
});
