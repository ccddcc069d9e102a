/**
 * Answer quality over the bundled knowledge: does a coach's question get a right, cited answer, and
 * is a question the sources do not answer refused? Question sets: bench/eval/answers-<set>.jsonl
 * (format in bench/eval/README.md). Runs alone too:
 *
 *   npx tsx bench/answers.ts [--set dev|heldout|smoke,smoke2,…] [--verbose]
 *
 * --verbose lists what went wrong per question; it is refused for the held-out set, whose questions
 * are never looked at (only its aggregate figures are printed).
 */
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../src/assistant/answer-question.ts';
import type { Reply } from '../src/assistant/reply.ts';
import { createContext } from '../src/app.ts';
import type { Context } from '../src/assistant/context.ts';
import { fold } from '../src/knowledge/dutch.ts';
import { ingestFiles } from '../src/knowledge/ingest-files.ts';
import { loadConfig } from '../src/lib/config.ts';
import { ensureMember } from '../src/teams/membership.ts';
import { loadJsonl } from './seeds-quality.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');

export interface AnswerItem {
  id: string;
  turns: string[];
  expect: 'answer' | 'refuse';
  facts?: string[][];
  files?: string[];
  tags?: string[];
}

interface Outcome {
  item: AnswerItem;
  reply: Reply;
  refused: boolean;
  correct: boolean;
  /** Fact groups the reply misses, for --verbose. */
  missing: string[][];
  citesFile: boolean;
  /** Cited passages that hold at least one of the expected facts. */
  holding: number;
}

export interface AnswerBenchResult {
  items: number;
  answerable: number;
  correctAndCited: number;
  refusable: number;
  correctRefusals: number;
  wrongRefusals: number;
  citedPassages: number;
  holdingPassages: number;
  followUps: number;
  followUpsInContext: number;
  followUpsAlone: number;
  p95Ms: number;
  p50Ms: number;
  failures: string[];
}

export function answerSetPath(set: string): string {
  return path.join(here, 'eval', `answers-${set}.jsonl`);
}

/** Lower case, diacritics folded, punctuation and whitespace collapsed: the matching of the set's facts. */
export function normalise(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function judge(item: AnswerItem, reply: Reply): Outcome {
  const refused = reply.mode === 'not-found';
  const text = normalise(reply.text);
  const has = (alternatives: string[]) => alternatives.some((a) => text.includes(normalise(a)));
  const facts = item.facts ?? [];
  const missing = facts.filter((group) => !has(group));
  const files = (item.files ?? []).map((f) => `knowledge/${f}`);
  const citesFile = reply.citations.some((c) => files.includes(c.source));
  const holding = reply.citations.filter((c) => {
    const passage = normalise(c.passage);
    return facts.some((group) => group.some((a) => passage.includes(normalise(a))));
  }).length;
  const correct = item.expect === 'answer' ? !refused && missing.length === 0 && citesFile : refused;
  return { item, reply, refused, correct, missing, citesFile, holding };
}

export async function runAnswerBench(ctx: Context, items: AnswerItem[], userId: string): Promise<AnswerBenchResult> {
  const times: number[] = [];
  const ask = async (text: string, conversationId?: string) => {
    const started = performance.now();
    const reply = await answerQuestion(ctx, { channel: 'cli', userId, text, conversationId });
    times.push(performance.now() - started);
    return reply;
  };
  // Warm up caches and the database's buffers, so the timings are those of a running server.
  for (const item of items.slice(0, 5)) await answerQuestion(ctx, { channel: 'cli', userId, text: item.turns.at(-1)! });

  const outcomes: Outcome[] = [];
  const alone: Outcome[] = [];
  for (const item of items) {
    let reply: Reply | undefined;
    for (const turn of item.turns) reply = await ask(turn, reply?.conversationId);
    outcomes.push(judge(item, reply!));
    if (item.turns.length > 1) alone.push(judge(item, await ask(item.turns.at(-1)!)));
  }

  const answerable = outcomes.filter((o) => o.item.expect === 'answer');
  const refusable = outcomes.filter((o) => o.item.expect === 'refuse');
  const answered = answerable.filter((o) => !o.refused);
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  return {
    items: items.length,
    answerable: answerable.length,
    correctAndCited: answerable.filter((o) => o.correct).length,
    refusable: refusable.length,
    correctRefusals: refusable.filter((o) => o.correct).length,
    wrongRefusals: answerable.filter((o) => o.refused).length,
    citedPassages: answered.reduce((s, o) => s + o.reply.citations.length, 0),
    holdingPassages: answered.reduce((s, o) => s + o.holding, 0),
    followUps: alone.length,
    followUpsInContext: outcomes.filter((o) => o.item.turns.length > 1 && o.correct).length,
    followUpsAlone: alone.filter((o) => o.correct).length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    failures: [
      ...outcomes.filter((o) => !o.correct).map(describeFailure),
      ...alone.filter((o) => !o.correct).map((o) => `(asked alone) ${describeFailure(o)}`),
    ],
  };
}

function describeFailure(o: Outcome): string {
  const { item, reply } = o;
  const why =
    item.expect === 'refuse'
      ? 'answered, should refuse'
      : o.refused
        ? 'refused, should answer'
        : [o.missing.length ? `missing ${o.missing.map((g) => g[0]).join(' + ')}` : '', o.citesFile ? '' : `cites ${reply.citations.map((c) => c.source.replace('knowledge/', '')).join(', ') || 'nothing'}`]
            .filter(Boolean)
            .join('; ');
  return `${item.id} [${(item.tags ?? []).join(',')}] ${item.turns.join(' → ')}\n    ${why}\n    ${reply.text.replace(/\n/g, '\n    ')}`;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');

export function formatAnswerResult(set: string, r: AnswerBenchResult): string {
  return [
    `| set | correct and cited | correct refusals | wrong refusals | cited passages holding the facts | follow-ups in context / alone | answer p50 / p95 |`,
    `|---|---|---|---|---|---|---|`,
    `| ${set} (${r.items}) | ${r.correctAndCited}/${r.answerable} = ${pct(r.correctAndCited, r.answerable)} | ${r.correctRefusals}/${r.refusable} = ${pct(r.correctRefusals, r.refusable)} | ${r.wrongRefusals}/${r.answerable} = ${pct(r.wrongRefusals, r.answerable)} | ${r.holdingPassages}/${r.citedPassages} = ${pct(r.holdingPassages, r.citedPassages)} | ${r.followUpsInContext}/${r.followUps} vs ${r.followUpsAlone}/${r.followUps} | ${r.p50Ms.toFixed(0)} / ${r.p95Ms.toFixed(0)} ms |`,
    'targets (held-out): correct and cited >= 85 %, correct refusals >= 90 %, wrong refusals <= 5 %, follow-ups in context >= alone, p95 <= 300 ms',
  ].join('\n');
}

/** A fresh data directory with the bundled knowledge and a coach in one team. */
export async function benchKnowledgeContext(name: string): Promise<{ ctx: Context; userId: string }> {
  const dataDir = path.join(os.tmpdir(), `wijkwijs-bench-${name}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const ctx = await createContext(loadConfig({ WIJKWIJS_DATA_DIR: dataDir, LOG_LEVEL: 'warn', WIJKWIJS_KNOWLEDGE_DIR: path.join(repo, 'knowledge') }, '/nonexistent/.env'));
  await ingestFiles(ctx, { paths: [path.join(repo, 'knowledge')] });
  const userId = 'bench:coach';
  await ensureMember(ctx.db.prisma, { teamId: 'bench', userId });
  return { ctx, userId };
}

export function loadAnswerSet(set: string): AnswerItem[] | undefined {
  const file = answerSetPath(set);
  return existsSync(file) ? loadJsonl<AnswerItem>(path.relative(here, file)) : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv.find((a, i) => process.argv[i - 1] === '--set') ?? process.argv.find((a) => a.startsWith('--set='))?.slice(6) ?? 'dev';
  const sets = arg.split(',');
  const verbose = process.argv.includes('--verbose');
  if (verbose && sets.includes('heldout')) {
    console.error('--verbose is not available for the held-out set: only its aggregate figures are shown.');
    process.exit(2);
  }
  const loaded = sets.map((set) => [set, loadAnswerSet(set)] as const);
  const missing = loaded.find(([, items]) => !items);
  if (missing) {
    console.error(`No question set at ${answerSetPath(missing[0])}.`);
    process.exit(2);
  }
  const { ctx, userId } = await benchKnowledgeContext(`answers-${process.pid}`);
  try {
    for (const [set, items] of loaded) {
      const result = await runAnswerBench(ctx, items!, userId);
      console.log(formatAnswerResult(set, result));
      if (verbose) for (const f of result.failures) console.log(`\n- ${f}`);
    }
  } finally {
    await ctx.close();
  }
}
