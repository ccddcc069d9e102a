/**
 * The composition root: the one place that builds what the rest only receives. It opens the
 * database, picks the embedder and chat model from the configuration, starts the messenger and
 * hands the feature list to the conversation core through the Context.
 */
import path from 'node:path';
import type { Context, Feature } from './assistant/context.ts';
import { createChatModel } from './assistant/chat-model.ts';
import { Messenger } from './assistant/messenger.ts';
import { FEATURES } from './features.ts';
import { LocalEmbedder, OpenAIEmbedder, type Embedder } from './knowledge/embedder.ts';
import { ensureEmbedder } from './knowledge/ensure-embedder.ts';
import { Synonyms } from './knowledge/synonyms.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { Config } from './lib/config.ts';
import { openDatabase, type Db } from './lib/db.ts';
import { WijkwijsError } from './lib/errors.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { migrate } from './lib/migrate.ts';

export async function createContext(
  config: Config,
  options: { logger?: Logger; clock?: Clock; features?: readonly Feature[] } = {},
): Promise<Context> {
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
    features: options.features ?? FEATURES,
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
