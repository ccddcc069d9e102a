/**
 * Privacy benchmark: runs the detector over the annotated sentences and prints precision, recall
 * and F1 per entity type, strict (type + start + end equal) and lenient (same type, spans overlap),
 * plus the time to anonymise a 2,000-word text.
 *
 * Run: npx tsx bench/privacy/run.ts [--verbose]   (the main `npm run bench` can import runPrivacyBench)
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { anonymise, detectPersonalData, ENTITY_TYPES, type Entity, type EntityType } from '../../src/privacy/index.ts';
import { isListedNameWord } from '../../src/privacy/detect/index.ts';

const here = dirname(fileURLToPath(import.meta.url));

interface Annotation {
  type: EntityType;
  start: number;
  end: number;
}
interface Sample {
  text: string;
  entities: Annotation[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SetResult {
  name: string;
  sentences: number;
  strict: Record<EntityType | 'ALL', Score>;
  lenient: Record<EntityType | 'ALL', Score>;
  /**
   * PERSOON recall split by whether the name has a word in the bundled name lists. The second
   * figure shows what the context rules achieve on their own.
   */
  persoonByList: { listed: { found: number; total: number }; unlisted: { found: number; total: number } };
  /** Examples of misses and false alarms (strict), for debugging. */
  errors: { text: string; missed: string[]; spurious: string[] }[];
}

export interface Result {
  sets: SetResult[];
  combined: SetResult;
  latency: { words: number; chars: number; medianMs: number; runs: number };
  targets: { name: string; value: number; target: string; met: boolean }[];
}

function readJsonl(file: string): Sample[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Sample);
}

function emptyCounts(): Record<EntityType | 'ALL', { tp: number; fp: number; fn: number }> {
  const r = {} as Record<EntityType | 'ALL', { tp: number; fp: number; fn: number }>;
  for (const t of [...ENTITY_TYPES, 'ALL' as const]) r[t] = { tp: 0, fp: 0, fn: 0 };
  return r;
}

function toScore(c: { tp: number; fp: number; fn: number }): Score {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

function scoreSet(name: string, samples: Sample[]): SetResult {
  const strict = emptyCounts();
  const lenient = emptyCounts();
  const errors: SetResult['errors'] = [];
  const persoonByList = { listed: { found: 0, total: 0 }, unlisted: { found: 0, total: 0 } };
  for (const s of samples) {
    const pred: Entity[] = detectPersonalData(s.text);
    const gold = s.entities;
    const key = (e: Annotation) => `${e.type}:${e.start}:${e.end}`;
    const goldKeys = new Set(gold.map(key));
    const predKeys = new Set(pred.map(key));
    const missed: string[] = [];
    const spurious: string[] = [];
    for (const g of gold) {
      if (g.type === 'PERSOON') {
        const ws = s.text.slice(g.start, g.end).split(/[\s.]+/).filter((w) => w.length > 1);
        const bucket = ws.some((w) => isListedNameWord(w)) ? persoonByList.listed : persoonByList.unlisted;
        bucket.total++;
        if (predKeys.has(key(g))) bucket.found++;
      }
      if (predKeys.has(key(g))) {
        strict[g.type].tp++;
        strict.ALL.tp++;
      } else {
        strict[g.type].fn++;
        strict.ALL.fn++;
        missed.push(`${g.type} "${s.text.slice(g.start, g.end)}"`);
      }
    }
    for (const p of pred) {
      if (!goldKeys.has(key(p))) {
        strict[p.type].fp++;
        strict.ALL.fp++;
        spurious.push(`${p.type} "${p.text}"`);
      }
    }
    // Lenient: a gold entity is found when a prediction of the same type overlaps it; a prediction
    // is correct when it overlaps a gold entity of the same type.
    const overlaps = (a: Annotation, b: Annotation) => a.type === b.type && a.start < b.end && b.start < a.end;
    for (const g of gold) {
      if (pred.some((p) => overlaps(p, g))) {
        lenient[g.type].tp++;
        lenient.ALL.tp++;
      } else {
        lenient[g.type].fn++;
        lenient.ALL.fn++;
      }
    }
    for (const p of pred) {
      if (!gold.some((g) => overlaps(p, g))) {
        lenient[p.type].fp++;
        lenient.ALL.fp++;
      }
    }
    if (missed.length || spurious.length) errors.push({ text: s.text, missed, spurious });
  }
  const map = (c: ReturnType<typeof emptyCounts>) =>
    Object.fromEntries(Object.entries(c).map(([k, v]) => [k, toScore(v)])) as Record<EntityType | 'ALL', Score>;
  return { name, sentences: samples.length, strict: map(strict), lenient: map(lenient), persoonByList, errors };
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

function measureLatency(text: string, runs = 20): { medianMs: number; runs: number } {
  for (let i = 0; i < 20; i++) anonymise(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    anonymise(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  return { medianMs, runs };
}

export async function runPrivacyBench(): Promise<Result> {
  const generated = readJsonl(join(here, 'sentences.jsonl'));
  const hard = readJsonl(join(here, 'hard-cases.jsonl'));
  const fresh = readJsonl(join(here, 'fresh.jsonl'));
  const sets = [scoreSet('generated', generated), scoreSet('hard-cases', hard), scoreSet('fresh (not tuned on)', fresh)];
  const combined = scoreSet('combined', [...generated, ...hard, ...fresh]);
  const text = latencyText([...generated, ...hard]);
  const lat = measureLatency(text);
  const latency = { words: text.split(/\s+/).length, chars: text.length, ...lat };
  const s = combined.strict;
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
    { name: '2,000 words (ms)', value: latency.medianMs, target: '< 50', met: latency.medianMs < 50 },
  ];
  return { sets, combined, latency, targets };
}

// ---------------------------------------------------------------------------------------------
// Printing.

const fmt = (x: number) => x.toFixed(3);

export function formatResult(r: Result, verbose = false): string {
  const lines: string[] = [];
  for (const set of [...r.sets, r.combined]) {
    lines.push(`\n== ${set.name} (${set.sentences} sentences) ==`);
    lines.push('type            strict P   R      F1     | lenient P  R      F1     | gold  pred');
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
    if (verbose && set.name !== 'combined') {
      for (const e of set.errors) {
        lines.push(`  ! ${JSON.stringify(e.text)}`);
        if (e.missed.length) lines.push(`      missed:   ${e.missed.join(', ')}`);
        if (e.spurious.length) lines.push(`      spurious: ${e.spurious.join(', ')}`);
      }
    }
  }
  lines.push(
    `\nlatency: anonymise ${r.latency.words} words (${r.latency.chars} chars): median ${r.latency.medianMs.toFixed(2)} ms over ${r.latency.runs} runs`,
  );
  lines.push('\ntargets:');
  for (const t of r.targets) lines.push(`  ${t.met ? 'ok  ' : 'MISS'} ${t.name.padEnd(20)} ${t.value.toFixed(3)} (${t.target})`);
  return lines.join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const r = await runPrivacyBench();
  console.log(formatResult(r, process.argv.includes('--verbose')));
}
