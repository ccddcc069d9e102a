import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/assistant/handle-turn.ts';
import type { Reply, Turn } from '../../src/assistant/reply.ts';
import { FEATURE_JOBS } from '../../src/features.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { ensureMember } from '../../src/teams/membership.ts';
import { createTestContext } from '../support/context.ts';
import { webServerFor } from '../support/post-reply.ts';

const clock = new ManualClock('2026-03-02T08:00:00Z');
let ctx: Awaited<ReturnType<typeof createTestContext>>;

beforeAll(async () => {
  ctx = await createTestContext({ PORT: '0', WIJKWIJS_DEFAULT_TEAM: 'vo-web' }, undefined, clock);
});
afterAll(async () => {
  await ctx?.close();
});

const turn = (userId: string, teamId: string, extra: Partial<Turn>): Turn => ({ channel: 'slack', userId, teamId, ...extra });
const act = (userId: string, teamId: string, id: string, value?: string, fields?: Record<string, string>) =>
  handleTurn(ctx, turn(userId, teamId, { action: { id, value, fields } }));

async function team(teamId: string, n: number, roles: Record<number, 'lead'> = {}): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `slack:T1:${teamId}-u${i + 1}`);
  for (const [i, userId] of ids.entries()) await ensureMember(ctx.db.prisma, { teamId, userId, displayName: `Collega ${i + 1}`, role: roles[i] ?? 'member' });
  return ids;
}

/** Requests a check through the conversation core and returns its id and the colleague asked. */
async function requestCheck(requester: string, teamId: string, indication: string, expertise = ''): Promise<{ id: string; reviewer: string | null; reply: Reply }> {
  const form = await handleTurn(ctx, turn(requester, teamId, { text: '/vierogen' }));
  expect(form.form?.submit.id).toBe('vierogen.submit');
  const confirm = await act(requester, teamId, 'vierogen.submit', form.form!.id, { indication, expertise, deadline: '' });
  const id = confirm.form!.id;
  const reply = await act(requester, teamId, 'vierogen.confirm', id, { text: confirm.form!.fields[0]!.value });
  return { id, reviewer: await reviewerOf(id), reply };
}

async function reviewerOf(id: string): Promise<string | null> {
  const [row] = await ctx.db.sql.query<{ reviewer_id: string | null }>(`SELECT reviewer_id FROM vier_ogen_request WHERE id = $1`, [id]);
  return row!.reviewer_id;
}
async function statusOf(id: string) {
  const [row] = await ctx.db.sql.query<{ status: string; passed_by: string[]; decided_by: string | null }>(`SELECT status, passed_by, decided_by FROM vier_ogen_request WHERE id = $1`, [id]);
  return row!;
}
async function notification(key: string) {
  return ctx.db.prisma.notification.findUnique({ where: { key } });
}
const textOf = (n: { reply: unknown } | null) => (n?.reply as Reply | undefined)?.text ?? '';

describe('vier-ogen rotation', () => {
  it('spreads 20 requests evenly, never asks the requester or an absent member', async () => {
    clock.set('2026-03-02T08:00:00Z');
    const members = await team('vo-fair', 5);
    const [absent] = await team('vo-fair-absent', 1);
    await ensureMember(ctx.db.prisma, { teamId: 'vo-fair', userId: absent! });
    await handleTurn(ctx, turn(absent!, 'vo-fair', { text: '/vierogen afwezig 2026-12-31' }));
    const asked = new Map<string, number>(members.map((m) => [m, 0]));
    for (let i = 0; i < 20; i++) {
      const requester = members[(i * 3) % 5]!; // various requesters, not a plain cycle
      const { id, reviewer } = await requestCheck(requester, 'vo-fair', `Indicatie ${i}: ambulante jeugdhulp bij aanbieder X vanwege gedragsproblemen.`);
      expect(reviewer).toBeTruthy();
      expect(reviewer).not.toBe(requester);
      expect(reviewer).not.toBe(absent);
      asked.set(reviewer!, (asked.get(reviewer!) ?? 0) + 1);
      await act(reviewer!, 'vo-fair', 'vierogen.agree', id);
      clock.advance(10 * 60_000);
    }
    const counts = [...asked.values()];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(asked.has(absent!)).toBe(false);
  });

  it('prefers a colleague with the wanted expertise and skips someone absent until today', async () => {
    clock.set('2026-03-03T08:00:00Z');
    const [a, b, c, d] = await team('vo-exp', 4);
    await handleTurn(ctx, turn(d!, 'vo-exp', { text: '/vierogen expertise schulden, wonen' }));
    await handleTurn(ctx, turn(c!, 'vo-exp', { text: '/vierogen expertise schulden' }));
    await handleTurn(ctx, turn(c!, 'vo-exp', { text: '/vierogen afwezig 2026-03-03' }));
    const first = await requestCheck(a!, 'vo-exp', 'Schuldhulpverlening via budgetbeheer bij de gemeentelijke kredietbank.', 'schulden');
    expect(first.reviewer).toBe(d); // c has the expertise too but is absent today; b has none
    // d passes: the next is whoever is left, expertise or not.
    await act(d!, 'vo-exp', 'vierogen.pass', first.id);
    expect(await reviewerOf(first.id)).toBe(b);
    expect((await statusOf(first.id)).passed_by).toEqual([d]);
    // Tomorrow c is back and is preferred again for schulden over b.
    clock.set('2026-03-04T08:00:00Z');
    const second = await requestCheck(a!, 'vo-exp', 'Budgetbeheer via de kredietbank.', 'schulden');
    expect(second.reviewer).toBe(c);
  });

  it('moves on after the configured time-out and on a pass, and tells the requester when nobody is left', async () => {
    clock.set('2026-03-05T09:00:00Z');
    const [lead, x, y] = await team('vo-time', 3, { 0: 'lead' });
    const refused = await handleTurn(ctx, turn(x!, 'vo-time', { text: '/vierogen instellingen 60' })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'forbidden' });
    const set = await handleTurn(ctx, turn(lead!, 'vo-time', { text: '/vierogen instellingen 60' }));
    expect(set.text).toMatch(/60 minuten/);

    const { id, reviewer: first } = await requestCheck(x!, 'vo-time', 'Begeleid wonen bij aanbieder Y, want zelfstandig wonen lukt niet meer.');
    expect([lead, y]).toContain(first);
    clock.advance(59 * 60_000);
    await runDueJobs(ctx, FEATURE_JOBS);
    expect(await reviewerOf(id)).toBe(first);
    clock.advance(60_000);
    await runDueJobs(ctx, FEATURE_JOBS);
    const second = await reviewerOf(id);
    expect(second).not.toBe(first);
    expect([lead, y]).toContain(second);
    expect(textOf(await notification(`vierogen.ask:${id}:${first}`))).toMatch(/verstreken/);
    const [ask] = await ctx.db.sql.query<{ outcome: string }>(`SELECT outcome FROM vier_ogen_ask WHERE request_id = $1 AND reviewer_id = $2`, [id, first]);
    expect(ask!.outcome).toBe('timed_out');

    // The one who timed out can no longer decide.
    await expect(act(first!, 'vo-time', 'vierogen.agree', id)).rejects.toMatchObject({ code: 'bad_request' });
    await act(second!, 'vo-time', 'vierogen.pass', id);
    const row = await statusOf(id);
    expect(row.status).toBe('no_reviewer');
    expect(row.passed_by).toEqual([first, second]);
    expect(textOf(await notification(`vierogen.result:${id}`))).toMatch(/teamleider \(Collega 1\)/);
    // The pass cancelled the pending time-out: nothing more happens later.
    clock.advance(2 * 3_600_000);
    expect((await runDueJobs(ctx, FEATURE_JOBS)).ran).toBe(0);
  });

  it('records the decision in the audit trail; only the asked colleague may decide', async () => {
    clock.set('2026-03-06T10:00:00Z');
    const members = await team('vo-audit', 3);
    const { id, reviewer } = await requestCheck(members[0]!, 'vo-audit', 'Dagbesteding voor een oudere inwoner bij aanbieder Z.');
    const other = members.find((m) => m !== reviewer && m !== members[0])!;
    await expect(act(other, 'vo-audit', 'vierogen.agree', id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(act(other, 'vo-audit', 'vierogen.disagree', id)).rejects.toMatchObject({ code: 'forbidden' });
    const outsider = (await team('vo-elsewhere', 1))[0]!;
    await expect(act(outsider, 'vo-elsewhere', 'vierogen.agree', id)).rejects.toMatchObject({ code: 'forbidden' });

    clock.set('2026-03-06T10:30:00Z');
    const noteForm = await act(reviewer!, 'vo-audit', 'vierogen.disagree', id);
    expect(noteForm.form?.submit.id).toBe('vierogen.disagree-confirm');
    const done = await act(reviewer!, 'vo-audit', 'vierogen.disagree-confirm', id, { note: 'Eerst het netwerk inzetten.' });
    expect(done.replacesSource).toBe(true);
    const events = await ctx.db.prisma.auditEvent.findMany({ where: { subjectId: id } });
    expect(events).toEqual([
      expect.objectContaining({ action: 'vierogen.not_agreed', actorId: reviewer, subjectType: 'vierogen_request', teamId: 'vo-audit', at: new Date('2026-03-06T10:30:00Z') }),
    ]);
    expect(await statusOf(id)).toMatchObject({ status: 'not_agreed', decided_by: reviewer });
    expect(textOf(await notification(`vierogen.result:${id}`))).toMatch(/niet akkoord[\s\S]*Eerst het netwerk inzetten/);
    // The question in the reviewer's chat is replaced: no buttons left.
    const asked = await notification(`vierogen.ask:${id}:${reviewer}`);
    expect((asked?.reply as unknown as Reply).actions).toEqual([]);
    // Deciding twice does not record twice.
    await expect(act(reviewer!, 'vo-audit', 'vierogen.agree', id)).rejects.toMatchObject({ code: 'bad_request' });
    expect(await ctx.db.prisma.auditEvent.count({ where: { subjectId: id } })).toBe(1);
  });

  it('never stores or sends a name or BSN typed in the indication', async () => {
    clock.set('2026-03-09T08:00:00Z');
    const [coach] = await team('vo-privacy', 3);
    const form = await handleTurn(ctx, turn(coach!, 'vo-privacy', { text: '/vierogen' }));
    const confirm = await act(coach!, 'vo-privacy', 'vierogen.submit', form.form!.id, {
      indication: 'Mevrouw Fatima El Amrani (BSN 111222333) krijgt ambulante ggz bij aanbieder Q vanwege angstklachten.',
      expertise: 'ggz',
    });
    const id = confirm.form!.id;
    const shown = confirm.form!.fields[0]!.value;
    expect(shown).not.toMatch(/Amrani|111222333/);
    expect(shown).toMatch(/ambulante ggz/);
    const stored = async () => JSON.stringify(await ctx.db.sql.query(`SELECT * FROM vier_ogen_request WHERE id = $1`, [id]));
    expect(await stored()).not.toMatch(/Amrani|111222333/);
    // An edit that brings a name back is caught and shown again.
    const again = await act(coach!, 'vo-privacy', 'vierogen.confirm', id, { text: `${shown} Overlegd met Jan de Vries.` });
    expect(again.form?.submit.id).toBe('vierogen.confirm');
    expect(again.form!.fields[0]!.value).not.toMatch(/Jan de Vries/);
    expect(await stored()).not.toMatch(/Jan de Vries|Amrani|111222333/);
    expect(await reviewerOf(id)).toBeNull();
    await act(coach!, 'vo-privacy', 'vierogen.confirm', id, { text: again.form!.fields[0]!.value });
    const reviewer = await reviewerOf(id);
    expect(reviewer).toBeTruthy();
    const message = textOf(await notification(`vierogen.ask:${id}:${reviewer}`));
    expect(message).toMatch(/ambulante ggz/);
    expect(message).not.toMatch(/Amrani|Fatima|111222333|Jan de Vries/);
    expect(ctx.logs.text).not.toMatch(/Amrani|111222333|ambulante ggz/);
  });
});

describe('vier-ogen through the web chat HTTP API', () => {
  const web = webServerFor(() => ctx);
  const post = web.post;

  it('requests a check, a colleague agrees, and the outcome shows in the notifications', async () => {
    clock.set('2026-03-10T08:00:00Z');
    await ensureMember(ctx.db.prisma, { teamId: 'vo-web', userId: 'web:local', displayName: 'Webcoach' });
    await ensureMember(ctx.db.prisma, { teamId: 'vo-web', userId: 'slack:T1:collega', displayName: 'Sanne' });
    const form = await post('/api/chat', { text: '/vierogen' });
    expect(form.form?.fields.map((f) => f.name)).toEqual(['indication', 'expertise', 'deadline']);
    const confirm = await post('/api/action', {
      actionId: 'vierogen.submit',
      value: form.form!.id,
      fields: { indication: 'Jeugdhulp met verblijf voor Pieter Bakker, omdat thuis wonen niet veilig is.', expertise: 'jeugd', deadline: '2026-03-13' },
    });
    expect(confirm.form!.fields[0]!.value).not.toMatch(/Pieter|Bakker/);
    const sent = await post('/api/action', { actionId: 'vierogen.confirm', value: confirm.form!.id, fields: { text: confirm.form!.fields[0]!.value } });
    expect(sent.text).toMatch(/collega gevraagd/);

    const id = confirm.form!.id;
    const ask = await notification(`vierogen.ask:${id}:slack:T1:collega`);
    expect((ask?.reply as unknown as Reply).actions.map((a) => a.id)).toEqual(['vierogen.agree', 'vierogen.disagree', 'vierogen.pass']);
    // /overzicht shows each side what waits: the colleague's judgement, the requester's open check.
    expect((await post('/api/chat', { text: '/overzicht' })).text).toMatch(/je vraag ligt bij een collega/);
    const theirs = await handleTurn(ctx, turn('slack:T1:collega', 'vo-web', { text: '/overzicht' }));
    expect(theirs.text).toMatch(/een collega wacht op jouw oordeel/);
    clock.set('2026-03-10T09:15:00Z');
    await act('slack:T1:collega', 'vo-web', 'vierogen.agree', id);
    expect((await handleTurn(ctx, turn('slack:T1:collega', 'vo-web', { text: '/overzicht' }))).text).toMatch(/niets voor je open/);

    const response = await fetch(`${web.url()}/api/notifications`);
    const { notifications } = (await response.json()) as { notifications: { reply: Reply }[] };
    const result = notifications.find((n) => /vier-ogen check bekeken/.test(n.reply.text));
    expect(result?.reply.text).toMatch(/Sanne .*akkoord/);
    const status = await post('/api/chat', { text: '/vierogen status' });
    expect(status.text).toMatch(/geen open/);
  });
});
