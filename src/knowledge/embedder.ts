import { OpenAIEmbeddings } from '@langchain/openai';
import { WijkwijsError } from '../lib/errors.ts';
import { contentWords, stem } from './dutch.ts';
import { splitCompound } from './compounds.ts';
import type { Synonyms } from './synonyms.ts';

/** Turns texts into vectors. `id` names the model and settings, so stored vectors know who made them. */
export interface Embedder {
  readonly id: string;
  readonly dimensions: number;
  /**
   * Whether similar vectors mean similar meaning beyond shared words (a language model). Only then
   * does search look up nearest vectors in the HNSW index: vectors of shared word features would find
   * nothing full-text search misses.
   */
  readonly semantic: boolean;
  /** Passages at ingest: may take a while, in batches. */
  embed(texts: string[]): Promise<number[][]>;
  /** One question: must answer fast or fail, so search can go on with words only. */
  embedQuery(text: string): Promise<number[]>;
}

/**
 * Offline default: no weights, no network. A text becomes a bag of hashed features — stems, compound
 * parts, synonym groups and character 4-grams — folded into a fixed-size, L2-normalised vector
 * (signed feature hashing). It captures lexical overlap including partial word matches
 * (schuldhulp ~ schuldhulpverlening) and domain synonyms, which a bag of exact words misses.
 */
export class LocalEmbedder implements Embedder {
  readonly id: string;
  readonly semantic = false;

  constructor(
    private readonly synonyms: Synonyms,
    readonly dimensions = 256,
  ) {
    this.id = `local-hash-v2/${dimensions}/${synonyms.fingerprint}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedOne(text);
  }

  embedOne(text: string): number[] {
    const v = new Float64Array(this.dimensions);
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      const index = h % this.dimensions;
      v[index] = v[index]! + ((h & 0x80000000) !== 0 ? -weight : weight);
    };
    for (const word of contentWords(text)) {
      add(`w:${stem(word)}`, 1);
      const group = this.synonyms.groupOf(word);
      if (group !== undefined) add(`g:${group}`, 1);
      for (const part of splitCompound(word)) add(`w:${stem(part)}`, 0.6);
      const padded = `<${word}>`;
      if (padded.length > 5) {
        const grams = padded.length - 3;
        for (let i = 0; i < grams; i++) add(`c:${padded.slice(i, i + 4)}`, 0.8 / Math.sqrt(grams));
      }
    }
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    return Array.from(v, (x) => x / norm);
  }
}

export interface OpenAIEmbedderOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  dimensions: number;
  timeoutMs: number;
}

/** A question waits at most this long for its vector; without one, search goes on with words only. */
const QUERY_TIMEOUT_MS = 3000;
/** Passages per embedding request, and requests in flight at once, so a large file does not flood the endpoint. */
const BATCH_SIZE = 128;
const CONCURRENT_REQUESTS = 2;

/** Embeddings from any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, Ollama) through LangChain. */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly semantic = true;
  readonly dimensions: number;
  private readonly model: string;
  private readonly passages: OpenAIEmbeddings;
  private readonly questions: OpenAIEmbeddings;
  private readonly queryTimeoutMs: number;

  constructor(options: OpenAIEmbedderOptions) {
    this.dimensions = options.dimensions;
    this.model = options.model;
    this.id = `openai/${options.model}/${options.dimensions}`;
    const client = (timeout: number, maxRetries: number) =>
      new OpenAIEmbeddings({
        apiKey: options.apiKey,
        model: options.model,
        dimensions: options.dimensions,
        timeout,
        maxRetries,
        maxConcurrency: CONCURRENT_REQUESTS,
        batchSize: BATCH_SIZE,
        configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
      });
    this.queryTimeoutMs = Math.min(options.timeoutMs, QUERY_TIMEOUT_MS);
    this.passages = client(options.timeoutMs, 1);
    // One retry: a kept-alive connection the server has just closed fails at once, and a second try
    // then works. The request itself may take the full timeout; the asker waits `queryTimeoutMs`.
    this.questions = client(options.timeoutMs, 1);
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    return this.checked(() => this.passages.embedDocuments(texts), texts.length);
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.checked(async () => [await withDeadline(this.questions.embedQuery(text), this.queryTimeoutMs)], 1))[0]!;
  }

  /** Any failure of the endpoint is one Dutch error; vectors of the wrong size are a setting to fix. */
  private async checked(call: () => Promise<number[][]>, expected: number): Promise<number[][]> {
    let vectors: number[][];
    try {
      vectors = await call();
    } catch (cause) {
      throw new WijkwijsError(
        'model_unavailable',
        'Het embeddingmodel is niet bereikbaar of gaf een fout. Controleer OPENAI_BASE_URL en OPENAI_API_KEY; zoeken gaat intussen verder op woorden.',
        { cause },
      );
    }
    const wrong = vectors.find((v) => v.length !== this.dimensions);
    if (vectors.length !== expected || wrong) {
      throw new WijkwijsError(
        'model_misconfigured',
        `Het embeddingmodel ${this.model} gaf ${wrong ? `vectoren met ${wrong.length} dimensies` : `${vectors.length} vectoren voor ${expected} teksten`}, ` +
          `terwijl OPENAI_EMBEDDING_DIMENSIONS ${this.dimensions} is. Zet OPENAI_EMBEDDING_DIMENSIONS op de maat die het model geeft.`,
      );
    }
    return vectors;
  }
}

const DEADLINE_TICK_MS = 50;

/**
 * Waits for `work` during `ms` of time the event loop was free; the request may go on in the
 * background until its own timeout. The embedded database runs in this thread: while one of its
 * queries holds the loop, a reply that has arrived cannot be read, and a plain timer would blame the
 * model for the database's time. An interval that fires once after such a stall counts one tick.
 */
async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let ticker: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    let ticks = Math.ceil(ms / DEADLINE_TICK_MS);
    ticker = setInterval(() => {
      if (--ticks <= 0) reject(new Error(`no answer within ${ms} ms`));
    }, DEADLINE_TICK_MS);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearInterval(ticker);
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
