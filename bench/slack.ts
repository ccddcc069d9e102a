/**
 * Slack benchmark: 20 users @mention Wijkwijs at the same time, over signed HTTP requests to the real
 * server, with the offline default (no model). Measured per question: the HTTP acknowledgement, and
 * end to end from sending the event until the answer (chat.postMessage, or the chat.update replacing
 * a status) reaches the Web API stand-in.
 *
 *   npx tsx bench/slack.ts [--users=20] [--rounds=5] [--think=1000]
 *
 * All users start at the same moment (a burst of 20 mentions); after each answer a user pauses about
 * --think ms (0.5–1.5×) before the next question, as people read answers. --think=0 is a stress test:
 * 20 questions always in flight, which on the embedded database measures queueing more than answering.
 *
 * Target (issue 6): acknowledgement < 3 s, p95 end to end ≤ 1.5 s.
 */
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import { createContext } from '../src/app.ts';
import { loadConfig } from '../src/lib/config.ts';
import { serveKnowledgeWithSlack } from './slack-server.ts';
import { BOT_USER, eventCallback, messageTs, postEvent, startFakeSlack } from '../test/slack/support/fake-slack.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const QUESTIONS = [
  'Hoe lang heb ik om de hulpvraag te verkennen?',
  'Hoe lang mag ik zelf kortdurende ondersteuning bieden?',
  'Wanneer moet ik het vier-ogen principe toepassen?',
  'Wanneer bespreken we een casus met twintig ogen?',
  'Uit welke vier onderdelen bestaat SoNeStra?',
  'Wat zijn de vier kwaliteiten van het wijkteam?',
  'Waar verwijs ik iemand met belastingschulden naar?',
  'Wat zijn de kernwaarden?',
];

export interface SlackBenchResult {
  users: number;
  thinkMs: number;
  questions: number;
  ackP95Ms: number;
  ackMaxMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  failed: number;
}

export async function runSlackBench(options: { users?: number; rounds?: number; thinkMs?: number } = {}): Promise<SlackBenchResult> {
  const users = options.users ?? 20;
  const rounds = options.rounds ?? 5;
  const thinkMs = options.thinkMs ?? 1000;
  const dataDir = path.join(os.tmpdir(), `wijkwijs-bench-slack-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  // Slack's side (its Web API and the people typing) runs in a child process, as it would on other
  // machines: the server's event loop must not also carry the load generator.
  const load = fork(fileURLToPath(import.meta.url), ['--load', String(users), String(rounds), String(thinkMs)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const fromLoad = (type: string) => new Promise<any>((resolve, reject) => {
    const onMessage = (m: any) => {
      if (m.type !== type) return;
      load.off('message', onMessage);
      resolve(m);
    };
    load.on('message', onMessage);
    load.once('error', reject);
  });
  const { apiUrl } = await fromLoad('ready');
  const ctx = await createContext(
    loadConfig(
      // Each user asks several questions in a minute; the per-user limit must not be what is measured.
      { WIJKWIJS_DATA_DIR: dataDir, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', PORT: '0', WIJKWIJS_KNOWLEDGE_DIR: path.join(repo, 'knowledge'), WIJKWIJS_QUESTIONS_PER_MINUTE: '1000' },
      '/nonexistent/.env',
    ),
  );
  try {
    const server = await serveKnowledgeWithSlack(ctx, apiUrl);
    try {
      const done = fromLoad('result');
      load.send({ type: 'start', url: server.url });
      return (await done).result as SlackBenchResult;
    } finally {
      await server.close();
    }
  } finally {
    load.kill();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The child process: the Web API stand-in and 20 users, each asking `rounds` questions one after another. */
async function runLoad(users: number, rounds: number, thinkMs: number): Promise<void> {
  const slackApi = await startFakeSlack();
  process.send!({ type: 'ready', apiUrl: slackApi.apiUrl });
  const { url } = await new Promise<{ url: string }>((resolve) => process.once('message', resolve as never));

  const ask = async (user: string, question: string) => {
    const ts = messageTs();
    const payload = eventCallback({ type: 'app_mention', user, text: `<@${BOT_USER}> ${question}`, ts, channel: 'CBENCH' });
    const started = performance.now();
    const response = await postEvent(url, payload);
    const ackMs = performance.now() - started;
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    // The answer: a postMessage in the thread that is not the status, or the update replacing it.
    await slackApi.waitFor((calls) => {
      const posted = calls.filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === ts);
      if (posted.some((c) => !/Even zoeken/.test(c.args.text))) return true;
      const status = posted[0]?.result?.ts;
      return status !== undefined && calls.some((c) => c.method === 'chat.update' && c.args.ts === status);
    }, 30_000);
    const totalMs = performance.now() - started;
    // The handler ends with the 👀 removal; wait for it so nothing runs after the bench closes.
    await slackApi.waitFor((calls) => calls.some((c) => c.method === 'reactions.remove' && c.args.timestamp === ts), 30_000);
    return { ackMs, totalMs };
  };

  await ask('UWARM', QUESTIONS[0]!); // warm-up: JIT, caches, Bolt's auth.test
  const acks: number[] = [];
  const totals: number[] = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      for (let r = 0; r < rounds; r++) {
        // People read an answer before they ask again: a pause of about thinkMs (0 = a stress test).
        if (r > 0 && thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
        try {
          const result = await ask(`UBENCH${u}`, QUESTIONS[(u + r) % QUESTIONS.length]!);
          acks.push(result.ackMs);
          totals.push(result.totalMs);
        } catch {
          failed++;
        }
      }
    }),
  );
  const result: SlackBenchResult = {
    users,
    thinkMs,
    questions: totals.length,
    ackP95Ms: round(percentile(acks, 0.95)),
    ackMaxMs: round(Math.max(...acks)),
    p50Ms: round(percentile(totals, 0.5)),
    p95Ms: round(percentile(totals, 0.95)),
    maxMs: round(Math.max(...totals)),
    failed,
  };
  process.send!({ type: 'result', result });
  await slackApi.close();
  process.disconnect();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

const round = (x: number) => Math.round(x);

if (process.argv[2] === '--load') {
  await runLoad(Number(process.argv[3]), Number(process.argv[4]), Number(process.argv[5]));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const result = await runSlackBench({ users: num('users'), rounds: num('rounds'), thinkMs: num('think') });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`p95 end to end ${result.p95Ms} ms (target ≤ 1500), acknowledgement p95 ${result.ackP95Ms} ms (limit 3000)\n`);
}
