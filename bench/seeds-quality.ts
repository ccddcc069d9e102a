import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Passage } from '../src/knowledge/search-passages.ts';

export interface SeedQuestion {
  q: string;
  source: string;
  lines: [number, number];
  alt?: [number, number][];
  evidence: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function loadJsonl<T>(file: string): T[] {
  return readFileSync(path.resolve(here, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function normaliseForMatch(text: string): string {
  return text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * A passage answers a seed question when it comes from the right file and its first 2,000
 * characters contain the evidence words (the held-out evaluation also caps a passage at 2,000).
 */
export function answersSeedQuestion(p: Pick<Passage, 'source' | 'text'>, q: SeedQuestion): boolean {
  if (!p.source.endsWith(q.source)) return false;
  return normaliseForMatch(p.text.slice(0, 2000)).includes(normaliseForMatch(q.evidence));
}

export interface RankMetrics {
  n: number;
  recallAt5: number;
  mrrAt10: number;
  misses: string[];
}

export function rankMetrics<Q>(questions: Q[], results: Passage[][], isHit: (p: Passage, q: Q) => boolean, label: (q: Q) => string): RankMetrics {
  let recall = 0;
  let mrr = 0;
  const misses: string[] = [];
  questions.forEach((q, i) => {
    const rank = results[i]!.slice(0, 10).findIndex((p) => isHit(p, q));
    if (rank >= 0 && rank < 5) recall++;
    else misses.push(label(q));
    if (rank >= 0) mrr += 1 / (rank + 1);
  });
  return { n: questions.length, recallAt5: recall / questions.length, mrrAt10: mrr / questions.length, misses };
}
