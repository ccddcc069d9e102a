/** For tests of what one migration does to rows that exist when it runs. */
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/db.ts';
import { migrate, readMigrations } from '../../src/lib/migrate.ts';

/**
 * For the whole test file: a fresh embedded database migrated up to, not including, `migration`.
 * The getter gives it once the file's beforeAll ran.
 */
export function databaseBefore(migration: string): () => Db {
  let db: Db | undefined;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await migrate(db.sql, readMigrations().filter((m) => m.name < migration));
  });
  afterAll(() => db?.close());
  return () => db!;
}

/** Applies the migrations up to and including `migration` (all when `last` is not given); their names. */
export async function migrateUpTo(db: Db, last?: string): Promise<string[]> {
  return migrate(db.sql, readMigrations().filter((m) => last === undefined || m.name <= last));
}
