import path from 'node:path';
import type { Config } from './lib/config.ts';
import { openDatabase, type Db } from './lib/db.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { Messenger } from './notifications/messenger.ts';
import { migrate } from './lib/migrate.ts';
import { WijkwijsError } from './lib/errors.ts';
import { LocalEmbedder, OpenAIEmbedder, type Embedder } from './knowledge/embedder.ts';
import { ensureEmbedder } from './knowledge/ensure-embedder.ts';
import { Synonyms } from './knowledge/synonyms.ts';
import { createChatModel, type ChatModel } from './assistant/chat-model.ts';

/** Everything a use case may need, built once per process from the configuration. */
export interface Context {
  config: Config;
  db: Db;
  logger: Logger;
  embedder: Embedder;
  synonyms: Synonyms;
  chatModel?: ChatModel;
  clock: Clock;
  /** Sends messages on the assistant's own initiative; channels register with it when they start. */
  messenger: Messenger;
  close(): Promise<void>;
}

export async function createContext(config: Config, options: { logger?: Logger; clock?: Clock } = {}): Promise<Context> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const synonyms = Synonyms.load(path.join(config.knowledgeDir, 'synoniemen.txt'));
  const embedder = createEmbedder(config, synonyms);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrate(db.sql);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    await reembedPassages(db, embedder, logger);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return {
    config,
    db,
    logger,
    embedder,
    synonyms,
    chatModel: createChatModel(config.openai),
    clock: options.clock ?? systemClock,
    messenger: new Messenger(db, logger),
    close: () => db.close(),
  };
}

export function createEmbedder(config: Config, synonyms: Synonyms): Embedder {
  const { apiKey, embeddingModel, baseUrl, embeddingDimensions, timeoutMs } = config.openai;
  if (apiKey && embeddingModel) {
    return new OpenAIEmbedder({ apiKey, baseUrl, model: embeddingModel, dimensions: embeddingDimensions, timeoutMs });
  }
  return new LocalEmbedder(synonyms);
}

/**
 * A model that is down at start must not keep the assistant down: passages without a vector are
 * still found by their words, and are embedded at the next start or ingest.
 */
async function reembedPassages(db: Db, embedder: Embedder, logger: Logger): Promise<void> {
  try {
    const reembedded = await ensureEmbedder(db.sql, embedder);
    if (reembedded) logger.info({ chunks: reembedded, embedder: embedder.id }, 're-embedded passages');
  } catch (error) {
    if (!(error instanceof WijkwijsError && error.code === 'model_unavailable')) throw error;
    logger.warn({ err: error, embedder: embedder.id }, 'embedding model unavailable at start; passages without vectors are found by their words until the next start');
  }
}
