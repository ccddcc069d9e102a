import { OpenAIEmbeddings } from '@langchain/openai';
import { contentWords, stem } from './dutch.ts';
import { splitCompound } from './compounds.ts';
import type { Synonyms } from './synonyms.ts';

/** Turns texts into vectors. `id` names the model and settings, so stored vectors know who made them. */
export interface Embedder {
  readonly id: string;
  readonly dimensions: number;
  /**
   * Whether similar vectors mean similar meaning beyond shared words (a language model). Search only
   * looks for nearest vectors then; vectors of shared word features find nothing full-text misses.
   * Unset counts as true.
   */
  readonly semantic?: boolean;
  embed(texts: string[]): Promise<number[][]>;
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

/** Embeddings from any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, Ollama) through LangChain. */
export class OpenAIEmbedder implements Embedder {
  readonly id: string;
  readonly semantic = false;
  readonly dimensions: number;
  private readonly client: OpenAIEmbeddings;

  constructor(options: OpenAIEmbedderOptions) {
    this.dimensions = options.dimensions;
    this.id = `openai/${options.model}/${options.dimensions}`;
    this.client = new OpenAIEmbeddings({
      apiKey: options.apiKey,
      model: options.model,
      dimensions: options.dimensions,
      timeout: options.timeoutMs,
      maxRetries: 1,
      batchSize: 256,
      configuration: options.baseUrl ? { baseURL: options.baseUrl } : undefined,
    });
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    return this.client.embedDocuments(texts);
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
