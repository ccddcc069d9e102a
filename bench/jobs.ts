/**
 * Jobs benchmark: how fast due reminders and time-outs are claimed and run, and that each runs once.
 *   1. embedded: one process on PGlite runs N due jobs;
 *   2. shared: two workers with their own connection pools (as two processes have) over the PostgreSQL wire protocol run N jobs at
 *      the same time; every job must run exactly once. The database is a PGlite served over TCP (the
 *      stand-in for a PostgreSQL server on this machine), which executes one statement at a time, so
 *      this measures correctness under two claimers more than the scaling a real server would give.
 *
 *   npx tsx bench/jobs.ts [--jobs=2000]
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Context } from '../src/assistant/context.ts';
import { createContext } from '../src/app.ts';
import { defineJob } from '../src/assistant/feature-kit.ts';
import { runDueJobs } from '../src/jobs/run-due-jobs.ts';
import { scheduleJob } from '../src/jobs/schedule-job.ts';
import { loadConfig } from '../src/lib/config.ts';
import { startPgliteServer } from '../test/support/pglite-server.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface JobsBenchResult {
  jobs: number;
  embedded: { scheduleMs: number; runMs: number; perSecond: number };
  shared: { runMs: number; perSecond: number; ranOnce: boolean; byProcess: [number, number] };
}

function contextFor(env: Record<string, string>): Promise<Context> {
  return createContext(loadConfig({ LOG_LEVEL: 'warn', WIJKWIJS_KNOWLEDGE_DIR: path.join(repo, 'knowledge'), ...env }, '/nonexistent/.env'));
}

async function schedule(ctx: Context, n: number): Promise<number> {
  const started = performance.now();
  const due = new Date(ctx.clock.now().getTime() - 1000);
  for (let i = 0; i < n; i++) await scheduleJob(ctx.db, { kind: 'bench.count', payload: { i }, runAt: due, key: `bench:${i}` });
  return performance.now() - started;
}

export async function runJobsBench(options: { jobs: number }): Promise<JobsBenchResult> {
  const n = options.jobs;
  const dataDir = path.join(os.tmpdir(), `wijkwijs-bench-jobs-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const runs = new Map<number, number>();
  const count = (worker: 0 | 1) =>
    defineJob({
      kind: 'bench.count',
      payload: z.object({ i: z.number() }),
      async run(_ctx, { i }) {
        runs.set(i, (runs.get(i) ?? 0) + 1);
        perProcess[worker]++;
      },
    });
  const perProcess: [number, number] = [0, 0];

  const embedded = await contextFor({ WIJKWIJS_DATA_DIR: dataDir });
  let embeddedResult: JobsBenchResult['embedded'];
  try {
    const scheduleMs = await schedule(embedded, n);
    const started = performance.now();
    await runDueJobs(embedded, [count(0)], { limit: 50 });
    const runMs = performance.now() - started;
    embeddedResult = { scheduleMs, runMs, perSecond: (n / runMs) * 1000 };
  } finally {
    await embedded.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  runs.clear();
  perProcess[0] = 0;
  const server = await startPgliteServer();
  try {
    const [a, b] = [await contextFor({ DATABASE_URL: server.url, WIJKWIJS_DATA_DIR: dataDir }), await contextFor({ DATABASE_URL: server.url, WIJKWIJS_DATA_DIR: dataDir })];
    try {
      await schedule(a, n);
      const started = performance.now();
      await Promise.all([runDueJobs(a, [count(0)], { limit: 20 }), runDueJobs(b, [count(1)], { limit: 20 })]);
      const runMs = performance.now() - started;
      const ranOnce = runs.size === n && [...runs.values()].every((c) => c === 1);
      return { jobs: n, embedded: embeddedResult, shared: { runMs, perSecond: (n / runMs) * 1000, ranOnce, byProcess: [...perProcess] } };
    } finally {
      await a.close();
      await b.close();
    }
  } finally {
    await server.close();
  }
}

export function formatJobsResult(r: JobsBenchResult): string {
  return [
    `jobs: ${r.jobs} due jobs`,
    `  embedded (PGlite, one process): schedule ${Math.round(r.embedded.scheduleMs)} ms, run ${Math.round(r.embedded.runMs)} ms = ${Math.round(r.embedded.perSecond)} jobs/s`,
    `  shared (two workers, each with its own connection pool, over the wire): run ${Math.round(r.shared.runMs)} ms = ${Math.round(r.shared.perSecond)} jobs/s, each exactly once: ${r.shared.ranOnce ? 'yes' : 'NO'} (worker 1: ${r.shared.byProcess[0]}, worker 2: ${r.shared.byProcess[1]})`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const jobs = Number(process.argv.find((a) => a.startsWith('--jobs='))?.split('=')[1] ?? 2000);
  console.log(formatJobsResult(await runJobsBench({ jobs })));
}
