/**
 * Scale benchmark: fills a fresh PGlite with N synthetic Dutch passages and measures search latency
 * and memory. The passages are generated from word pairs of the seed documents, so word frequencies
 * (and with them the full-text statistics that decide query cost) resemble a real Dutch corpus.
 *
 *   npx tsx bench/scale.ts 100000
 *
 * Loading follows the advice for large imports: indexes are dropped before the bulk insert and built
 * once afterwards with a generous maintenance_work_mem, which is many times faster than keeping them
 * up to date row by row.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../src/lib/db.ts';
import { migrate } from '../src/lib/migrate.ts';
import { LocalEmbedder } from '../src/knowledge/embedder.ts';
import { embeddingInput, ensureEmbedder } from '../src/knowledge/ensure-embedder.ts';
import { rebuildLexemeStats, toVector } from '../src/knowledge/index-store.ts';
import { normaliseLine } from '../src/knowledge/clean-text.ts';
import { searchPassages } from '../src/knowledge/search-passages.ts';
import { withCompoundParts } from '../src/knowledge/search-text.ts';
import { Synonyms } from '../src/knowledge/synonyms.ts';
import { loadJsonl, type SeedQuestion } from './seeds-quality.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const SEEDS_DIR = path.resolve(here, '../../shared/seeds');
const SYNONYMS_FILE = path.resolve(here, '../knowledge/synoniemen.txt');
const CHUNKS_PER_DOCUMENT = 100;
const BATCH = 1000;
const TIMED_QUERIES = 100;

export interface ScaleResult {
  chunks: number;
  insertMs: number;
  indexMs: number;
  p50: number;
  p95: number;
  rssMb: number;
}

/** `dataDir` keeps the filled database there for inspection; by default a temporary one is removed. */
export async function runScaleBench(opts: { chunks: number; dataDir?: string }): Promise<ScaleResult> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'wijkwijs-scale-'));
  const db = await openDatabase({ dataDir });
  try {
    await migrate(db.sql);
    const synonyms = Synonyms.load(SYNONYMS_FILE);
    const embedder = new LocalEmbedder(synonyms);
    // The indexes the product keeps for this embedder (no HNSW for the offline default).
    await ensureEmbedder(db.sql, embedder);
    const generator = new PassageGenerator(readSeedText(), 20261123);

    const indexes = await db.sql.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'chunk' AND indexdef ~* 'using (gin|hnsw)'`,
    );
    for (const index of indexes) await db.sql.exec(`DROP INDEX ${index.name}`);

    let started = Date.now();
    await db.sql.query(`INSERT INTO collection (id, name, scope) VALUES ('organisatie', 'Organisatie', 'organisation')`);
    for (let done = 0; done < opts.chunks; done += BATCH) {
      await insertBatch(db, generator, embedder, done, Math.min(BATCH, opts.chunks - done));
      progress(`insert ${done + BATCH > opts.chunks ? opts.chunks : done + BATCH}/${opts.chunks}`);
    }
    const insertMs = Date.now() - started;

    started = Date.now();
    // PGlite runs one backend, so the whole budget goes to one index build at a time.
    await db.sql.exec(`SET maintenance_work_mem = '1GB'`);
    for (const index of indexes) {
      const t = Date.now();
      await db.sql.exec(index.def);
      progress(`${index.name} built in ${Math.round((Date.now() - t) / 1000)} s`);
    }
    await db.sql.exec('RESET maintenance_work_mem');
    await rebuildLexemeStats(db.sql);
    const indexMs = Date.now() - started;

    const questions = loadJsonl<SeedQuestion>('eval/seeds.jsonl').map((q) => q.q);
    const deps = { db, embedder, synonyms };
    for (const q of questions.slice(0, 10)) await searchPassages(deps, q, { teamIds: [] });
    const latencies: number[] = [];
    for (let i = 0; i < TIMED_QUERIES; i++) {
      const t = performance.now();
      await searchPassages(deps, questions[i % questions.length]!, { teamIds: [] });
      latencies.push(performance.now() - t);
    }
    latencies.sort((a, b) => a - b);
    return {
      chunks: opts.chunks,
      insertMs,
      indexMs,
      p50: round(latencies[Math.floor(latencies.length * 0.5)]!),
      p95: round(latencies[Math.floor(latencies.length * 0.95)]!),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
  } finally {
    await db.close();
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function insertBatch(db: Db, generator: PassageGenerator, embedder: LocalEmbedder, offset: number, count: number): Promise<void> {
  const documents = new Map<number, { id: string; title: string }>();
  const rows = Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const docNo = Math.floor(n / CHUNKS_PER_DOCUMENT);
    let doc = documents.get(docNo);
    if (!doc) {
      doc = { id: `doc-${docNo}`, title: generator.title() };
      documents.set(docNo, doc);
    }
    const heading = generator.title();
    const text = generator.passage();
    return { documentId: doc.id, title: doc.title, ord: n % CHUNKS_PER_DOCUMENT, heading, text };
  });
  const docs = [...documents.values()];
  await db.sql.query(
    `INSERT INTO document (id, collection_id, source_key, title, type, format, content_hash, chunk_count)
     SELECT id, 'organisatie', 'synthetisch/' || id || '.txt', title, 'achtergrond', 'text', id, ${CHUNKS_PER_DOCUMENT}
       FROM unnest($1::text[], $2::text[]) AS d(id, title)
     ON CONFLICT (id) DO NOTHING`,
    [docs.map((d) => d.id), docs.map((d) => d.title)],
  );
  const vectors = await embedder.embed(rows.map((r) => embeddingInput(r.title, r.heading, r.text)));
  await db.sql.query(
    `INSERT INTO chunk (document_id, doc_type, ord, heading, location, text, title_text, search_text, embedding, embedder)
     SELECT document_id, 'achtergrond', ord, heading, 'r. ' || ord, text, title_text, search_text, embedding::vector, $7
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $8::text[])
         AS r(document_id, ord, heading, text, title_text, search_text, embedding)`,
    [
      rows.map((r) => r.documentId),
      rows.map((r) => r.ord),
      rows.map((r) => r.heading),
      rows.map((r) => r.text),
      rows.map((r) => withCompoundParts(`${r.title}\n${r.heading}`)),
      rows.map((r) => withCompoundParts(r.text)),
      embedder.id,
      vectors.map(toVector),
    ],
  );
}

function readSeedText(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8').split('\n').map(normaliseLine))
    .filter((l) => l.length > 0);
}

/**
 * Random text that follows the word pairs of the seeds (a first-order Markov chain), so frequent
 * words stay frequent and rare ones rare, as in real documents.
 */
class PassageGenerator {
  private readonly next = new Map<string, string[]>();
  private readonly starts: string[] = [];
  private state: number;

  constructor(lines: string[], seed: number) {
    this.state = seed;
    const tokens = lines.join(' ').split(/\s+/).filter(Boolean);
    for (let i = 0; i < tokens.length - 1; i++) {
      const followers = this.next.get(tokens[i]!) ?? this.next.set(tokens[i]!, []).get(tokens[i]!)!;
      followers.push(tokens[i + 1]!);
      if (/[.!?]$/.test(tokens[i]!) && /^\p{Lu}/u.test(tokens[i + 1]!)) this.starts.push(tokens[i + 1]!);
    }
  }

  /** 60 to 180 words, about the size of a real passage. */
  passage(): string {
    return this.walk(60 + Math.floor(this.random() * 120));
  }

  title(): string {
    return this.walk(2 + Math.floor(this.random() * 4)).replace(/[.,;:!?]+$/, '');
  }

  private walk(length: number): string {
    const out: string[] = [];
    let word = this.pick(this.starts);
    while (out.length < length) {
      out.push(word);
      const followers = this.next.get(word);
      word = followers ? this.pick(followers) : this.pick(this.starts);
    }
    return out.join(' ');
  }

  private pick<T>(items: T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** mulberry32: a small seeded generator, so every run builds the same corpus. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }
}

function progress(message: string): void {
  process.stderr.write(`[scale] ${new Date().toISOString().slice(11, 19)} ${message}\n`);
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const chunks = Number(process.argv[2] ?? 20000);
  if (!Number.isInteger(chunks) || chunks < 1) throw new Error('Usage: npx tsx bench/scale.ts <number of chunks> [data dir to keep]');
  console.log(JSON.stringify(await runScaleBench({ chunks, dataDir: process.argv[3] })));
}
