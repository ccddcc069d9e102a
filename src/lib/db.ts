import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { WijkwijsError } from './errors.ts';

export type { PrismaClient };
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Transaction = Prisma.TransactionClient;

/** Plain SQL access for what Prisma cannot express: migrations, bulk loads, vector and full-text search. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migration files). */
  exec(text: string): Promise<void>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

export interface Db {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  sql: Sql;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` for a throw-away database. */
  dataDir: string;
}

/**
 * Vector search settings per session: look at more neighbours than the default 40 (we fuse the top
 * 60), and keep scanning the HNSW index when a team filter removes candidates (pgvector >= 0.8).
 * PostgreSQL gets them as connection options; PGlite, a single session, once at start (ignoring
 * failure, so an old pgvector still starts).
 */
const POSTGRES_SESSION_OPTIONS = '-c hnsw.ef_search=100 -c hnsw.iterative_scan=relaxed_order';
const SESSION_SETTINGS = `DO $$ BEGIN
  PERFORM set_config('hnsw.ef_search', '100', false);
  PERFORM set_config('hnsw.iterative_scan', 'relaxed_order', false);
EXCEPTION WHEN OTHERS THEN NULL; END $$;`;

export async function openDatabase(options: DbOptions): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (cause) {
      throw new WijkwijsError(
        'database_unavailable',
        `De datamap ${dataDir} kan niet worden aangemaakt. Kies met WIJKWIJS_DATA_DIR een map waarin geschreven mag worden.`,
        { cause },
      );
    }
  }
  // Before PGlite reads a single page: a second process must not even load the files.
  const lock: DataDirLock | undefined = inMemory ? undefined : lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { vector } });
    await client.exec(SESSION_SETTINGS);
  } catch (cause) {
    lock?.release();
    throw new WijkwijsError('database_unavailable', `De database in ${dataDir} kan niet worden geopend. Is hij beschadigd?`, { cause });
  }
  const sql = pgliteSql(client);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
    kind: 'pglite',
    prisma,
    sql,
    async close() {
      try {
        await prisma.$disconnect();
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function pgliteSql(client: Pick<PGlite, 'query' | 'exec'> & { transaction?: PGlite['transaction'] }): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await client.exec(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      if (!client.transaction) return fn(this);
      return client.transaction((tx) => fn(pgliteSql(tx)));
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: POSTGRES_SESSION_OPTIONS });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (cause) {
    await pool.end().catch(() => undefined);
    throw new WijkwijsError('database_unavailable', 'De database op DATABASE_URL is niet bereikbaar.', { cause });
  }
  const sql = poolSql(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: 'postgres',
    prisma,
    sql,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function poolSql(pool: pg.Pool): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async exec(text: string) {
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientSql(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

function clientSql(client: pg.PoolClient): Sql {
  return {
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as T[];
    },
    async exec(text: string) {
      await client.query(text);
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>) {
      return fn(this);
    },
  };
}
