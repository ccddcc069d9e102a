/**
 * Under load: 30 web chats ask questions one after another without pause for 60 s, against the real
 * server with the offline default (no model) on the embedded database. Meanwhile /healthz is asked
 * every 100 ms and a Slack user sends a signed mention every 500 ms. Reported: answers per second,
 * answer p50/p95, /healthz p95 and the p95 of Slack's HTTP acknowledgement.
 *
 *   npx tsx bench/load.ts [--chats=30] [--seconds=60]
 *
 * The load (the browsers, Slack's Web API and its people) runs in a child process, so the server's
 * event loop carries only the server.
 *
 * Targets (issue 18): /healthz p95 ≤ 100 ms, Slack acknowledgement p95 ≤ 500 ms (Slack allows 3 s).
 */
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const HEALTH_EVERY_MS = 100;
const SLACK_EVERY_MS = 500;

export interface LoadBenchResult {
  chats: number;
  seconds: number;
  answers: number;
  answersPerSecond: number;
  answerP50Ms: number;
  answerP95Ms: number;
  failed: number;
  healthChecks: number;
  healthP95Ms: number;
  healthMaxMs: number;
  healthFailed: number;
  slackEvents: number;
  slackAckP95Ms: number;
  slackAckMaxMs: number;
}

export async function runLoadBench(options: { chats?: number; seconds?: number } = {}): Promise<LoadBenchResult> {
  const chats = options.chats ?? 30;
  const seconds = options.seconds ?? 60;
  const dataDir = path.join(os.tmpdir(), `wijkwijs-bench-load-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const load = fork(fileURLToPath(import.meta.url), ['--load', String(chats), String(seconds)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const fromLoad = (type: string) =>
    new Promise<any>((resolve, reject) => {
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
      {
        WIJKWIJS_DATA_DIR: dataDir,
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
        PORT: '0',
        WIJKWIJS_KNOWLEDGE_DIR: path.join(repo, 'knowledge'),
        // Every chat asks as the one local web user: the per-user limit must not be what is measured.
        WIJKWIJS_QUESTIONS_PER_MINUTE: '100000',
      },
      '/nonexistent/.env',
    ),
  );
  try {
    const server = await serveKnowledgeWithSlack(ctx, apiUrl);
    try {
      const done = fromLoad('result');
      load.send({ type: 'start', url: server.url });
      return (await done).result as LoadBenchResult;
    } finally {
      // Slack mentions may still be answered; the measurement is over.
      server.server.closeAllConnections();
      await server.close();
    }
  } finally {
    load.kill();
    await ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The child process: the browsers, the health checker and Slack (its Web API and one busy user). */
async function runLoad(chats: number, seconds: number): Promise<void> {
  const slackApi = await startFakeSlack();
  process.send!({ type: 'ready', apiUrl: slackApi.apiUrl });
  const { url } = await new Promise<{ url: string }>((resolve) => process.once('message', resolve as never));

  const ask = async (question: string, conversationId?: string) => {
    const response = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: question, conversationId }) });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as { conversationId: string };
  };
  // Warm-up: JIT, caches, Bolt's auth.test.
  await ask(QUESTIONS[0]!);
  const warmTs = messageTs();
  await postEvent(url, eventCallback({ type: 'app_mention', user: 'UWARM', text: `<@${BOT_USER}> ${QUESTIONS[0]}`, ts: warmTs, channel: 'CLOAD' }));
  await slackApi.waitFor((calls) => calls.some((c) => c.method === 'reactions.remove' && c.args.timestamp === warmTs), 60_000);

  const until = performance.now() + seconds * 1000;
  const running = () => performance.now() < until;
  const answers: number[] = [];
  const health: number[] = [];
  const acks: number[] = [];
  let failed = 0;
  let healthFailed = 0;

  const chat = async (n: number) => {
    let conversationId: string | undefined;
    for (let i = 0; running(); i++) {
      const started = performance.now();
      try {
        // A new conversation now and then, follow-ups in between, as people use the chat.
        conversationId = (await ask(QUESTIONS[(n + i) % QUESTIONS.length]!, i % 4 === 0 ? undefined : conversationId)).conversationId;
        answers.push(performance.now() - started);
      } catch {
        failed++;
      }
    }
  };
  const every = async (ms: number, probe: () => Promise<void>) => {
    while (running()) {
      const next = performance.now() + ms;
      await probe();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  };
  const checkHealth = async () => {
    const started = performance.now();
    const response = await fetch(`${url}/healthz`).catch(() => undefined);
    health.push(performance.now() - started);
    if (response?.status !== 200) healthFailed++;
    await response?.body?.cancel();
  };
  let slackQuestion = 0;
  const mention = async () => {
    const ts = messageTs();
    const question = QUESTIONS[slackQuestion++ % QUESTIONS.length]!;
    const started = performance.now();
    const response = await postEvent(url, eventCallback({ type: 'app_mention', user: 'ULOAD', text: `<@${BOT_USER}> ${question}`, ts, channel: 'CLOAD' })).catch(() => undefined);
    acks.push(performance.now() - started);
    await response?.body?.cancel();
  };

  const started = performance.now();
  await Promise.all([...Array.from({ length: chats }, (_, n) => chat(n)), every(HEALTH_EVERY_MS, checkHealth), every(SLACK_EVERY_MS, mention)]);
  const elapsedS = (performance.now() - started) / 1000;
  const result: LoadBenchResult = {
    chats,
    seconds,
    answers: answers.length,
    answersPerSecond: Math.round((answers.length / elapsedS) * 10) / 10,
    answerP50Ms: round(percentile(answers, 0.5)),
    answerP95Ms: round(percentile(answers, 0.95)),
    failed,
    healthChecks: health.length,
    healthP95Ms: round(percentile(health, 0.95)),
    healthMaxMs: round(Math.max(...health)),
    healthFailed,
    slackEvents: acks.length,
    slackAckP95Ms: round(percentile(acks, 0.95)),
    slackAckMaxMs: round(Math.max(...acks)),
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

export function formatLoadResult(r: LoadBenchResult): string {
  return [
    `${r.chats} web chats for ${r.seconds} s: ${r.answers} answers, ${r.answersPerSecond}/s, p50 ${r.answerP50Ms} ms, p95 ${r.answerP95Ms} ms, failed ${r.failed}`,
    `/healthz meanwhile: p95 ${r.healthP95Ms} ms, max ${r.healthMaxMs} ms (${r.healthChecks} checks, ${r.healthFailed} not ok) — target p95 ≤ 100 ms`,
    `Slack acknowledgements meanwhile: p95 ${r.slackAckP95Ms} ms, max ${r.slackAckMaxMs} ms (${r.slackEvents} events) — target p95 ≤ 500 ms`,
  ].join('\n');
}

if (process.argv[2] === '--load') {
  await runLoad(Number(process.argv[3]), Number(process.argv[4]));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const num = (name: string) => (arg(name) === undefined ? undefined : Number(arg(name)));
  const result = await runLoadBench({ chats: num('chats'), seconds: num('seconds') });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n${formatLoadResult(result)}\n`);
  // Slack mentions still queued when the time was up need not be answered.
  process.exit(0);
}
