/** A fresh embedded database migrated up to, not including, one migration: for tests of what that migration does to existing rows. */
import { openDatabase, type Db } from '../../src/lib/db.ts';
import { migrate, readMigrations } from '../../src/lib/migrate.ts';

export async function databaseBefore(migration: string): Promise<Db> {
  const db = await openDatabase({ dataDir: 'memory://' });
  await migrate(db.sql, readMigrations().filter((m) => m.name < migration));
  return db;
}

/** Applies the rest, and says whether `migration` was among what ran. */
export async function migrateRest(db: Db, migration: string): Promise<boolean> {
  return (await migrate(db.sql)).includes(migration);
}
