/**
 * People by name: the name stored with a user id, fetched again from their platform once it is older
 * than a week (so a changed name shows within days), and a neutral word when nobody knows the name.
 * What a reply names, it lists in `Reply.people`, so Slack can mention them instead (`<@U…>`).
 */
import type { Clock } from '../lib/clock.ts';
import type { Db } from '../lib/db.ts';
import type { Logger } from '../lib/logger.ts';
import type { PeopleDirectory } from './people-directory.ts';

/** Someone a reply names, by the name it shows. */
export interface ReplyPerson {
  userId: string;
  name: string;
}

export const NAME_TTL_MS = 7 * 24 * 3_600_000;
/** A platform that does not answer in time does not hold up the message: the stored name is used. */
const FETCH_TIMEOUT_MS = 3000;
export const UNNAMED = 'een collega';
const MAX_NAME = 120;

export interface NameDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  people: PeopleDirectory;
}

export interface Names {
  /** The name to show for this user; the person is then listed as named in the text. */
  name(userId: string | null | undefined): string;
  /** Everyone `name` was asked for, for `Reply.people`. */
  named(): ReplyPerson[];
  /** Whether a name is known for the user (else `name` gives the neutral word). */
  known(userId: string): boolean;
}

export async function namePeople(deps: NameDeps, userIds: readonly (string | null | undefined)[]): Promise<Names> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  const rows = ids.length ? await deps.db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true, nameFetchedAt: true } }) : [];
  const stored = new Map(rows.map((r) => [r.id, r]));
  const now = deps.clock.now();
  const names = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      const row = stored.get(id);
      // A name given by hand (wijkwijs team add --naam) has no fetch time and is kept as it is.
      const handGiven = row?.displayName && !row.nameFetchedAt;
      const fresh = row?.nameFetchedAt && now.getTime() - row.nameFetchedAt.getTime() < NAME_TTL_MS;
      const source = handGiven || fresh ? undefined : deps.people.sourceFor(id);
      const fetched = source ? await fetchName(deps, source.fetchName.bind(source), id) : undefined;
      if (fetched) await storeName(deps, id, fetched, now);
      const name = fetched ?? row?.displayName ?? undefined;
      if (name) names.set(id, name);
    }),
  );
  const named = new Map<string, ReplyPerson>();
  return {
    name(userId) {
      if (!userId) return UNNAMED;
      const name = names.get(userId) ?? fallbackName(userId);
      if (names.has(userId)) named.set(userId, { userId, name });
      return name;
    },
    named: () => [...named.values()],
    known: (userId) => names.has(userId),
  };
}

function fallbackName(userId: string): string {
  if (userId.startsWith('system:')) return 'Wijkwijs';
  if (userId.startsWith('cli:')) return 'de beheerder';
  return UNNAMED;
}

async function fetchName(deps: NameDeps, fetch: (id: string) => Promise<string | undefined>, userId: string): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), FETCH_TIMEOUT_MS);
  });
  try {
    return cleanName(await Promise.race([fetch(userId), timeout]));
  } catch (error) {
    deps.logger.warn({ err: error }, 'name not fetched');
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export function cleanName(name: string | undefined): string | undefined {
  const flat = name?.replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/\s+/g, ' ').trim();
  return flat ? flat.slice(0, MAX_NAME) : undefined;
}

export async function storeName(deps: Pick<NameDeps, 'db'>, userId: string, displayName: string, at: Date): Promise<void> {
  await deps.db.prisma.user.upsert({ where: { id: userId }, create: { id: userId, displayName, nameFetchedAt: at }, update: { displayName, nameFetchedAt: at } });
}
