import type { Feature } from '../assistant/context.ts';
import type { Config } from '../lib/config.ts';
import type { Db } from '../lib/db.ts';
import type { Logger } from '../lib/logger.ts';
import { purgeExpiredConversations } from './purge-expired-conversations.ts';
import { countsByKind, purgeExpiredDrafts } from './purge-expired-drafts.ts';

export const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Retention while serving (history past WIJKWIJS_RETENTION_DAYS, unconfirmed drafts past their
 * two days): purge once at start, then every six hours; returns the stop function.
 * Safe with several processes on one database (the purge takes a lock and is idempotent). A later
 * DB-backed job scheduler can take this over.
 */
export async function startRetentionPurge(
  deps: { db: Db; logger: Logger; config: Pick<Config, 'retentionDays'>; features: readonly Feature[] },
  options: { everyMs?: number; clock?: () => Date } = {},
): Promise<() => void> {
  const clock = options.clock ?? (() => new Date());
  const purge = async () => {
    try {
      const now = clock();
      const result = await purgeExpiredConversations(deps.db, now, { retentionDays: deps.config.retentionDays });
      // Unconfirmed drafts have their own, short lifetime, checked on the same schedule.
      const drafts = await purgeExpiredDrafts(deps.db, deps.features, now);
      deps.logger.info({ ...result, ...countsByKind(drafts), retentionDays: deps.config.retentionDays }, 'retention purge finished');
    } catch (error) {
      // A failed run is retried at the next interval; serving questions goes on meanwhile.
      deps.logger.error({ err: error }, 'retention purge failed');
    }
  };
  await purge();
  const timer = setInterval(purge, options.everyMs ?? PURGE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
