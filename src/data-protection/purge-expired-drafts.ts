import type { ExpiredRows, Feature } from '../assistant/context.ts';
import type { Db } from '../lib/db.ts';
import { PURGE_LOCK } from './purge-expired-conversations.ts';

/**
 * Lets every feature delete what it keeps only while the coach checks it (see
 * `Feature.purgeExpired`); this file knows no feature. Each runs in its own transaction under the
 * purge lock, so a second process waits and then finds nothing left.
 */
export async function purgeExpiredDrafts(db: Db, features: readonly Feature[], now: Date): Promise<ExpiredRows[]> {
  const purged: ExpiredRows[] = [];
  for (const feature of features) {
    if (!feature.purgeExpired) continue;
    const rows = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PURGE_LOCK})`;
      return feature.purgeExpired!(tx, now);
    });
    purged.push(...rows);
  }
  return purged;
}

/** `{ caseDrafts: 1, … }`, for the log. */
export function countsByKind(rows: readonly ExpiredRows[]): Record<string, number> {
  return Object.fromEntries(rows.map((r) => [r.kind, r.count]));
}
