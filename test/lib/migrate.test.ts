import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/lib/db.ts';
import { migrate, readMigrations } from '../../src/lib/migrate.ts';
import { runCli } from '../support/run-cli.ts';
import { startPgliteServer } from '../support/pglite-server.ts';


describe('migrator on the embedded database', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
  });
  afterAll(() => db?.close());

  it('applies every migration once, records it the way Prisma does, and does nothing the second time', async () => {
    const all = readMigrations().map((m) => m.name);
    expect(await migrate(db.sql)).toEqual(all);
    expect(await migrate(db.sql)).toEqual([]);
    const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    expect(rows.every((r) => r.finished_at !== null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it('refuses a migration that was changed after it was applied', async () => {
    await migrate(db.sql);
    const [first, ...rest] = readMigrations();
    const changed = { ...first!, checksum: 'f'.repeat(64) };
    await expect(migrate(db.sql, [changed, ...rest])).rejects.toThrow(/gewijzigd/);
  });

  it('rolls back a failing migration completely, record included', async () => {
    const broken = { name: '29990101000000_broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;', checksum: 'a'.repeat(64) };
    await expect(migrate(db.sql, [...readMigrations(), broken])).rejects.toThrow();
    expect(await db.sql.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`)).toEqual([]);
    expect(await db.sql.query(`SELECT 1 FROM _prisma_migrations WHERE migration_name = $1`, [broken.name])).toEqual([]);
  });
});

describe('migrator over the wire (DATABASE_URL)', () => {
  it('lets two processes migrate the same database at once: one applies, the other finds it done', async () => {
    const server = await startPgliteServer();
    try {
      const env = { DATABASE_URL: server.url, LOG_LEVEL: 'silent' };
      const [a, b] = await Promise.all([runCli(['migrate'], { env }), runCli(['migrate'], { env })]);
      expect([a.code, b.code]).toEqual([0, 0]);
      const outputs = [a.stdout, b.stdout].sort();
      expect(outputs[0]).toMatch(/al bijgewerkt/);
      expect(outputs[1]).toMatch(/Toegepast: 20261123000000_init/);
      const db = await openDatabase({ databaseUrl: server.url, dataDir: '' });
      const rows = await db.sql.query('SELECT migration_name FROM _prisma_migrations');
      expect(rows).toHaveLength(readMigrations().length);
      await db.close();
    } finally {
      await server.close();
    }
  });
});
