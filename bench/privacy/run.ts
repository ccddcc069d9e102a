/**
 * Privacy benchmark: runs the detector over the annotated sentences and prints precision, recall
 * and F1 per entity type, strict (type + start + end equal) and lenient (same type, spans overlap),
 * per class of types on the coach-note sets, the invisible-character variants, and the time to
 * anonymise a 2,000-word text.
 *
 * Run: npx tsx bench/privacy/run.ts [--verbose]   (the main `npm run bench` can import runPrivacyBench)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { anonymise, ENTITY_TYPES } from '../../src/privacy/index.ts';
import type { Sample } from './sample.ts';
import { scoreInvisible, type InvisibleResult } from './invisible.ts';
import { CLASSES, scoreSet, type ClassName, type SetResult } from './score.ts';

export type { Score, SetResult } from './score.ts';

const here = dirname(fileURLToPath(import.meta.url));

export interface Result {
  /** The sets that existed before the coach notes, and their combination. */
  sets: SetResult[];
  combined: SetResult;
  /** Coach notes: the dev set (tuned on) and the held-out set (never tuned on). */
  coachNotes: SetResult[];
  invisible: InvisibleResult[];
  latency: { words: number; chars: number; medianMs: number; oddCharsMedianMs: number; runs: number };
  targets: { name: string; value: number; target: string; met: boolean }[];
}

function readJsonl(file: string): Sample[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Sample);
}

/** A 2,000-word case text built from the benchmark sentences (so it holds plenty of entities). */
function latencyText(samples: Sample[]): string {
  const parts: string[] = [];
  let words = 0;
  let i = 0;
  while (words < 2000 && samples.length) {
    const t = samples[i % samples.length]!.text;
    parts.push(t);
    words += t.split(/\s+/).filter(Boolean).length;
    i++;
  }
  return parts.join(' ').split(/\s+/).slice(0, 2000).join(' ');
}

function medianMs(text: string, runs: number): number {
  for (let i = 0; i < 20; i++) anonymise(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    anonymise(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}

export async function runPrivacyBench(): Promise<Result> {
  const generated = readJsonl(join(here, 'sentences.jsonl'));
  const hard = readJsonl(join(here, 'hard-cases.jsonl'));
  const fresh = readJsonl(join(here, 'fresh.jsonl'));
  const dev = readJsonl(join(here, 'coach-notes-dev.jsonl'));
  const heldOut = readJsonl(join(here, 'coach-notes-heldout.jsonl'));
  const sets = [scoreSet('generated', generated), scoreSet('hard-cases', hard), scoreSet('fresh (not tuned on)', fresh)];
  const combined = scoreSet('combined', [...generated, ...hard, ...fresh]);
  const coachNotes = [scoreSet('coach notes, dev (tuned on)', dev), scoreSet('coach notes, held out (never tuned on)', heldOut)];
  const invisible = [scoreInvisible('dev', dev), scoreInvisible('held out', heldOut)];

  const text = latencyText([...generated, ...hard]);
  // Every sentence with a no-break space, so the offset-mapping path of the normaliser runs.
  const oddText = text.replace(/\. /g, '.\u00a0');
  const runs = 20;
  const latency = { words: text.split(/\s+/).length, chars: text.length, medianMs: medianMs(text, runs), oddCharsMedianMs: medianMs(oddText, runs), runs };

  const s = combined.strict;
  const [devResult, heldOutResult] = coachNotes as [SetResult, SetResult];
  const strictIds = (r: SetResult) => r.classes['strict identifiers'].recall;
  const targets = [
    ...(['BSN', 'IBAN', 'EMAIL', 'TELEFOON', 'POSTCODE'] as const).map((t) => ({
      name: `${t} recall`,
      value: s[t].recall,
      target: '>= 0.99',
      met: s[t].recall >= 0.99,
    })),
    { name: 'PERSOON recall', value: s.PERSOON.recall, target: '>= 0.90', met: s.PERSOON.recall >= 0.9 },
    { name: 'PERSOON precision', value: s.PERSOON.precision, target: '>= 0.85', met: s.PERSOON.precision >= 0.85 },
    { name: 'overall F1', value: s.ALL.f1, target: '>= 0.90', met: s.ALL.f1 >= 0.9 },
    { name: 'held out: strict ids R', value: strictIds(heldOutResult), target: '= 1.00', met: strictIds(heldOutResult) === 1 },
    { name: 'dev: strict ids R', value: strictIds(devResult), target: '= 1.00', met: strictIds(devResult) === 1 },
    ...invisible.map((v) => ({ name: `${v.name}: invisible R`, value: v.found / v.variants, target: '= 1.00', met: v.found === v.variants })),
    ...invisible.map((v) => ({ name: `${v.name}: invisible leaks`, value: v.leaks, target: '= 0', met: v.leaks === 0 })),
    { name: 'held out: names R', value: heldOutResult.classes.names.recall, target: '>= 0.97', met: heldOutResult.classes.names.recall >= 0.97 },
    { name: 'held out: names P', value: heldOutResult.classes.names.precision, target: '>= 0.95', met: heldOutResult.classes.names.precision >= 0.95 },
    { name: '2,000 words (ms)', value: latency.medianMs, target: '< 50', met: latency.medianMs < 50 },
    { name: '2,000 odd-char words (ms)', value: latency.oddCharsMedianMs, target: '< 50', met: latency.oddCharsMedianMs < 50 },
  ];
  return { sets, combined, coachNotes, invisible, latency, targets };
}

// ---------------------------------------------------------------------------------------------
// Printing.

const fmt = (x: number) => x.toFixed(3);

function formatTypes(set: SetResult): string[] {
  const lines = ['type            strict P   R      F1     | lenient P  R      F1     | gold  pred'];
  for (const t of [...ENTITY_TYPES, 'ALL' as const]) {
    const a = set.strict[t];
    const b = set.lenient[t];
    const gold = a.tp + a.fn;
    const pred = a.tp + a.fp;
    if (gold === 0 && pred === 0) continue;
    lines.push(
      `${t.padEnd(15)} ${fmt(a.precision)}  ${fmt(a.recall)}  ${fmt(a.f1)}  | ${fmt(b.precision)}  ${fmt(b.recall)}  ${fmt(b.f1)}  | ${String(gold).padStart(4)}  ${String(pred).padStart(4)}`,
    );
  }
  const pl = set.persoonByList;
  const pct = (x: { found: number; total: number }) => (x.total ? (x.found / x.total).toFixed(3) : '-');
  lines.push(
    `PERSOON strict recall, names with a listed word: ${pct(pl.listed)} (${pl.listed.found}/${pl.listed.total}); names with no listed word: ${pct(pl.unlisted)} (${pl.unlisted.found}/${pl.unlisted.total})`,
  );
  return lines;
}

function formatClasses(set: SetResult): string[] {
  const lines = ['class               strict P   R      | gold  pred'];
  for (const cls of Object.keys(CLASSES) as ClassName[]) {
    const c = set.classes[cls];
    if (c.tp + c.fn + c.fp === 0) continue;
    lines.push(`${cls.padEnd(19)} ${fmt(c.precision)}  ${fmt(c.recall)}  | ${String(c.tp + c.fn).padStart(4)}  ${String(c.tp + c.fp).padStart(4)}`);
  }
  lines.push('section (hand-written group)                              found/gold  false alarms');
  for (const sec of set.sections) lines.push(`  ${sec.name.slice(0, 55).padEnd(55)} ${`${sec.found}/${sec.gold}`.padStart(7)}  ${String(sec.spurious).padStart(5)}`);
  return lines;
}

function formatErrors(set: SetResult): string[] {
  const lines: string[] = [];
  for (const e of set.errors) {
    lines.push(`  ! ${JSON.stringify(e.text)}`);
    if (e.missed.length) lines.push(`      missed:   ${e.missed.join(', ')}`);
    if (e.spurious.length) lines.push(`      spurious: ${e.spurious.join(', ')}`);
  }
  return lines;
}

export function formatResult(r: Result, verbose = false): string {
  const lines: string[] = [];
  for (const set of [...r.sets, r.combined]) {
    lines.push(`\n== ${set.name} (${set.sentences} sentences) ==`, ...formatTypes(set));
    if (verbose && set.name !== 'combined') lines.push(...formatErrors(set));
  }
  for (const set of r.coachNotes) {
    lines.push(`\n== ${set.name} (${set.sentences} sentences) ==`, ...formatTypes(set), ...formatClasses(set));
    if (verbose) lines.push(...formatErrors(set));
  }
  for (const v of r.invisible) {
    lines.push(`\n== invisible-character variants of the ${v.name} coach notes: ${v.found}/${v.variants} found strictly, ${v.leaks} leave a character behind ==`);
    lines.push(Object.entries(v.byKind).map(([kind, k]) => `${kind} ${k.found}/${k.variants}${k.leaks ? ` (${k.leaks} leaks)` : ''}`).join(', '));
    if (verbose) for (const e of v.errors) lines.push(`  ! ${e}`);
  }
  lines.push(
    `\nlatency: anonymise ${r.latency.words} words (${r.latency.chars} chars): median ${r.latency.medianMs.toFixed(2)} ms; with a no-break space in every sentence ${r.latency.oddCharsMedianMs.toFixed(2)} ms (${r.latency.runs} runs each)`,
  );
  lines.push('\ntargets:');
  for (const t of r.targets) lines.push(`  ${t.met ? 'ok  ' : 'MISS'} ${t.name.padEnd(26)} ${t.value.toFixed(3)} (${t.target})`);
  return lines.join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const r = await runPrivacyBench();
  console.log(formatResult(r, process.argv.includes('--verbose')));
}
