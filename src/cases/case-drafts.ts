import type { EntityType } from '../privacy/index.ts';

/** A draft waits this long for the coach's check; after that it is purged, unseen by anyone else. */
export const CASE_DRAFT_HOURS = 24;

/**
 * Longest case text accepted. It keeps a case, sent as JSON, within the web chat's 32 kB request
 * limit; longer reports belong in a document that is ingested, not in a chat message.
 */
export const MAX_CASE_CHARS = 10_000;

/** What was replaced, by type, for telling the coach; counts only, never the values. */
export type FoundCounts = Partial<Record<EntityType, number>>;

export function countByType(entities: { type: EntityType }[]): FoundCounts {
  const counts: FoundCounts = {};
  for (const e of entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}
