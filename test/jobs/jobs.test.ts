import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Context } from '../../src/assistant/context.ts';
import { defineJob } from '../../src/assistant/feature-kit.ts';
import { runDueJobs } from '../../src/jobs/run-due-jobs.ts';
import { cancelJobs, scheduleJob } from '../../src/jobs/schedule-job.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { addDays, atLocalTime, isWorkingDay, localDate } from '../../src/lib/time.ts';
import { createTestContext, tempDir } from '../support/context.ts';
import { startPgliteServer } from '../support/pglite-server.ts';

const clock = new ManualClock('2026-03-02T08:00:00Z');
let ctx: Awaited<ReturnType<typeof createTestContext>>;

beforeAll(async () => {
  ctx = await createTestContext({}, undefined, clock);
});
afterAll(async () => {
  await ctx?.close();
});

/** A job kind that records each run by its payload's tag; tests use distinct tags. */
const calls: { tag: string; jobId: string; at: Date }[] = [];
const record = defineJob({
  kind: 'test.record',
  payload: z.object({ tag: z.string() }),
  async run(c, payload, job) {
    calls.push({ tag: payload.tag, jobId: job.id, at: c.clock.now() });
  },
});
const runsOf = (tag: string) => calls.filter((c) => c.tag === tag);

async function jobRow(c: Context, key: string) {
  const [row] = await c.db.sql.query<{ status: string; attempts: number; run_at: Date; last_error: string | null }>(
    `SELECT status, attempts, run_at, last_error FROM job WHERE key = $1`,
    [key],
  );
  return row;
}

describe('job scheduler', () => {
  it('runs a job once at its time and not before', async () => {
    clock.set('2026-03-02T08:00:00Z');
    await scheduleJob(ctx.db, { kind: 'test.record', payload: { tag: 'once' }, runAt: new Date('2026-03-02T09:00:00Z'), key: 'test:once' });
    await runDueJobs(ctx, [record]);
    expect(runsOf('once')).toHaveLength(0);
    clock.set('2026-03-02T08:59:59.999Z');
    await runDueJobs(ctx, [record]);
    expect(runsOf('once')).toHaveLength(0);
    clock.set('2026-03-02T09:00:00Z');
    expect((await runDueJobs(ctx, [record])).ran).toBe(1);
    clock.advance(3_600_000);
    await runDueJobs(ctx, [record]);
    expect(runsOf('once')).toHaveLength(1);
    expect((await jobRow(ctx, 'test:once'))?.status).toBe('done');
  });

  it('moves a pending job when its key is scheduled again instead of doubling it', async () => {
    clock.set('2026-03-03T08:00:00Z');
    await scheduleJob(ctx.db, { kind: 'test.record', payload: { tag: 'moved-a' }, runAt: new Date('2026-03-03T09:00:00Z'), key: 'test:moved' });
    await scheduleJob(ctx.db, { kind: 'test.record', payload: { tag: 'moved-b' }, runAt: new Date('2026-03-03T10:00:00Z'), key: 'test:moved' });
    expect(await ctx.db.sql.query(`SELECT id FROM job WHERE key = 'test:moved'`)).toHaveLength(1);
    clock.set('2026-03-03T09:30:00Z');
    await runDueJobs(ctx, [record]);
    expect(runsOf('moved-a')).toHaveLength(0);
    clock.set('2026-03-03T10:00:00Z');
    await runDueJobs(ctx, [record]);
    expect(runsOf('moved-a')).toHaveLength(0);
    expect(runsOf('moved-b')).toHaveLength(1);
  });

  it('cancels by exact key and by prefix, leaving other jobs alone', async () => {
    clock.set('2026-03-04T08:00:00Z');
    const at = new Date('2026-03-04T09:00:00Z');
    for (const k of ['a', 'b', 'c']) await scheduleJob(ctx.db, { kind: 'test.record', payload: { tag: `cancel-${k}` }, runAt: at, key: `test.cancel:slot1:${k}` });
    await scheduleJob(ctx.db, { kind: 'test.record', payload: { tag: 'cancel-other' }, runAt: at, key: 'test.cancel:slot2:a' });
    await scheduleJob(ctx.db, { kind: 'test.record', payload: { tag: 'cancel-exact' }, runAt: at, key: 'test.cancel:exact' });
    expect(await cancelJobs(ctx.db, 'test.cancel:exact')).toBe(1);
    expect(await cancelJobs(ctx.db, 'test.cancel:slot1:*')).toBe(3);
    clock.set(at);
    await runDueJobs(ctx, [record]);
    expect(calls.filter((c) => c.tag.startsWith('cancel-')).map((c) => c.tag)).toEqual(['cancel-other']);
    expect((await jobRow(ctx, 'test.cancel:slot1:b'))?.status).toBe('cancelled');
  });

  it('retries a failing handler with backoff and marks it failed after the last attempt', async () => {
    clock.set('2026-03-05T08:00:00Z');
    let attempts = 0;
    const failing = defineJob({
      kind: 'test.fail',
      payload: z.object({}),
      async run() {
        attempts++;
        throw new Error('kapot');
      },
    });
    await scheduleJob(ctx.db, { kind: 'test.fail', payload: {}, runAt: clock.now(), key: 'test:fail' });
    expect(await runDueJobs(ctx, [failing])).toEqual({ ran: 0, failed: 1 });
    const expectedDelays = [1, 2, 4, 8];
    for (const [i, minutes] of expectedDelays.entries()) {
      const row = await jobRow(ctx, 'test:fail');
      expect(row?.status).toBe('pending');
      expect(row?.attempts).toBe(i + 1);
      expect(new Date(row!.run_at).getTime() - clock.now().getTime()).toBe(minutes * 60_000);
      clock.advance(minutes * 60_000 - 1);
      await runDueJobs(ctx, [failing]);
      expect(attempts).toBe(i + 1); // not before the backoff has passed
      clock.advance(1);
      await runDueJobs(ctx, [failing]);
      expect(attempts).toBe(i + 2);
    }
    const row = await jobRow(ctx, 'test:fail');
    expect(row?.status).toBe('failed');
    expect(row?.last_error).toBe('kapot');
    clock.advance(24 * 3_600_000);
    await runDueJobs(ctx, [failing]);
    expect(attempts).toBe(5);
  });

  it('lets a running handler schedule its own key again (a recurring reminder)', async () => {
    clock.set('2026-03-06T08:00:00Z');
    const seen: Date[] = [];
    const recurring = defineJob({
      kind: 'test.recurring',
      payload: z.object({ n: z.number() }),
      async run(c, payload) {
        seen.push(c.clock.now());
        if (payload.n < 3) await scheduleJob(c.db, { kind: 'test.recurring', payload: { n: payload.n + 1 }, runAt: new Date(c.clock.now().getTime() + 3_600_000), key: 'test:recurring' });
      },
    });
    await scheduleJob(ctx.db, { kind: 'test.recurring', payload: { n: 1 }, runAt: clock.now(), key: 'test:recurring' });
    for (let i = 0; i < 5; i++) {
      await runDueJobs(ctx, [recurring]);
      clock.advance(3_600_000);
    }
    expect(seen.map((d) => d.toISOString())).toEqual(['2026-03-06T08:00:00.000Z', '2026-03-06T09:00:00.000Z', '2026-03-06T10:00:00.000Z']);
    expect((await jobRow(ctx, 'test:recurring'))?.status).toBe('done');
  });

  it('picks up a job whose process died while running once its lease has passed', async () => {
    clock.set('2026-03-09T08:00:00Z');
    await scheduleJob(ctx.db, { kind: 'test.record', payload: { tag: 'orphan' }, runAt: new Date('2026-03-09T07:00:00Z'), key: 'test:orphan' });
    // What a process leaves behind when it dies after claiming: running, with a lease until 08:05.
    await ctx.db.sql.query(`UPDATE job SET status = 'running', attempts = 1, locked_until = $2 WHERE key = $1`, ['test:orphan', new Date('2026-03-09T08:05:00Z')]);
    await runDueJobs(ctx, [record]);
    expect(runsOf('orphan')).toHaveLength(0);
    clock.set('2026-03-09T08:05:00.001Z');
    await runDueJobs(ctx, [record]);
    expect(runsOf('orphan')).toHaveLength(1);
    expect(await jobRow(ctx, 'test:orphan')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('runs a working-day 09:00 Amsterdam reminder at 08:00Z in winter and 07:00Z in summer, across both DST changes', async () => {
    const zone = 'Europe/Amsterdam';
    const nextWorkingDay = (date: string) => {
      let d = addDays(date, 1);
      while (!isWorkingDay(d)) d = addDays(d, 1);
      return d;
    };
    const fired: string[] = [];
    const daily = defineJob({
      kind: 'test.daily',
      payload: z.object({ date: z.string() }),
      async run(c, payload) {
        fired.push(c.clock.now().toISOString());
        const next = nextWorkingDay(payload.date);
        await scheduleJob(c.db, { kind: 'test.daily', payload: { date: next }, runAt: atLocalTime(next, '09:00', zone), key: 'test:daily' });
      },
    });
    for (const [from, to] of [
      ['2026-03-26', '2026-04-01'], // last Sunday of March: 29 March 2026
      ['2026-10-22', '2026-10-28'], // last Sunday of October: 25 October 2026
    ] as const) {
      fired.length = 0;
      await cancelJobs(ctx.db, 'test:daily');
      clock.set(`${from}T00:00:00Z`);
      await scheduleJob(ctx.db, { kind: 'test.daily', payload: { date: from }, runAt: atLocalTime(from, '09:00', zone), key: 'test:daily' });
      // Step through the week in 15-minute ticks, as a worker would poll.
      while (localDate(clock.now(), zone) <= to) {
        await runDueJobs(ctx, [daily]);
        clock.advance(15 * 60_000);
      }
      const expected =
        from === '2026-03-26'
          ? ['2026-03-26T08:00:00.000Z', '2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-03-31T07:00:00.000Z', '2026-04-01T07:00:00.000Z']
          : ['2026-10-22T07:00:00.000Z', '2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-10-27T08:00:00.000Z', '2026-10-28T08:00:00.000Z'];
      expect(fired).toEqual(expected);
    }
  });
});

describe('restart safety', () => {
  it('runs a job scheduled before a restart after the new process starts (data dir on disk)', async () => {
    const dataDir = tempDir('wijkwijs-jobs-');
    const diskClock = new ManualClock('2026-03-02T08:00:00Z');
    const first = await createTestContext({ WIJKWIJS_DATA_DIR: dataDir }, undefined, diskClock);
    await scheduleJob(first.db, { kind: 'test.record', payload: { tag: 'restart' }, runAt: new Date('2026-03-02T12:00:00Z'), key: 'test:restart' });
    await runDueJobs(first, [record]);
    await first.close();
    expect(runsOf('restart')).toHaveLength(0);

    const second = await createTestContext({ WIJKWIJS_DATA_DIR: dataDir }, undefined, diskClock);
    try {
      await runDueJobs(second, [record]);
      expect(runsOf('restart')).toHaveLength(0);
      diskClock.set('2026-03-02T12:00:00Z');
      await runDueJobs(second, [record]);
      expect(runsOf('restart')).toHaveLength(1);
      await runDueJobs(second, [record]);
      expect(runsOf('restart')).toHaveLength(1);
    } finally {
      await second.close();
    }
  }, 90_000);
});

describe('two processes on one database', () => {
  it('runs each of 50 due jobs exactly once when two processes poll concurrently', async () => {
    const server = await startPgliteServer();
    const sharedClock = new ManualClock('2026-03-02T08:00:00Z');
    const a = await createTestContext({ DATABASE_URL: server.url }, undefined, sharedClock);
    const b = await createTestContext({ DATABASE_URL: server.url }, undefined, sharedClock);
    try {
      const ranBy = new Map<string, string[]>();
      const slow = (who: string) =>
        defineJob({
          kind: 'test.shared',
          payload: z.object({ n: z.number() }),
          async run(_c, _payload, job) {
            ranBy.set(job.id, [...(ranBy.get(job.id) ?? []), who]);
            // Yield so the other process gets its turn between claims.
            await new Promise((resolve) => setTimeout(resolve, 2));
          },
        });
      for (let n = 0; n < 50; n++) await scheduleJob(a.db, { kind: 'test.shared', payload: { n }, runAt: new Date('2026-03-02T07:59:00Z') });
      const [ra, rb] = await Promise.all([runDueJobs(a, [slow('a')], { limit: 5 }), runDueJobs(b, [slow('b')], { limit: 5 })]);
      expect(ra.ran + rb.ran).toBe(50);
      expect(ranBy.size).toBe(50);
      for (const runners of ranBy.values()) expect(runners).toHaveLength(1);
      const statuses = await a.db.sql.query<{ status: string; n: string }>(`SELECT status, count(*)::text AS n FROM job WHERE kind = 'test.shared' GROUP BY status`);
      expect(statuses).toEqual([{ status: 'done', n: '50' }]);
      // Both processes took part (a claim is 5 jobs; one process alone would have run all of them).
      const byProcess = [...ranBy.values()].flat();
      expect(byProcess.filter((w) => w === 'a').length).toBeGreaterThan(0);
      expect(byProcess.filter((w) => w === 'b').length).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
      await server.close();
    }
  }, 90_000);
});
