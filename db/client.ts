// The database client: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
// Next.js bundles instrumentation and route handlers separately, so the client lives on
// globalThis: two PGlite instances on one directory would silently miss each other's writes.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { readDatabaseEnv } from './env';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction on it: services accept both. */
export type Queryable = Db | Tx;

export type DbHandle = { db: Db; driver: 'postgres' | 'pglite'; url?: string; close: () => Promise<void> };

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle(client, { schema });
  return { db, driver: 'postgres', url, close: () => client.end({ timeout: 5 }) };
}

/** dataDir undefined = in memory (tests). */
export async function openPglite(dataDir?: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dataDir) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, driver: 'pglite', close: () => client.close() };
}

/** Applies the drizzle-kit migrations; an advisory lock keeps two instances from racing on Postgres. */
export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.driver === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(handle.db as never, { migrationsFolder });
    return;
  }
  if (!handle.url) throw new Error('a postgres handle needs its url to migrate');
  // One dedicated connection holds a session advisory lock so that instances starting together migrate once.
  const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
  const single = await openPostgres(handle.url, { max: 1 });
  try {
    await single.db.execute(sql`select pg_advisory_lock(7301955)`);
    await run(single.db, { migrationsFolder });
    await single.db.execute(sql`select pg_advisory_unlock(7301955)`);
  } finally {
    await single.close();
  }
}

type Holder = { __dbHandle?: Promise<DbHandle> };
const holder = globalThis as unknown as Holder;

/** The process-wide database, migrated on first use. */
export function getDbHandle(): Promise<DbHandle> {
  if (!holder.__dbHandle) {
    holder.__dbHandle = (async () => {
      const env = readDatabaseEnv();
      const handle = env.DATABASE_URL ? await openPostgres(env.DATABASE_URL) : await openPglite(env.PGLITE_DIR);
      await migrate(handle);
      return handle;
    })();
    holder.__dbHandle.catch(() => {
      holder.__dbHandle = undefined;
    });
  }
  return holder.__dbHandle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests point the process at their own database. */
export function setDbHandle(handle: DbHandle | undefined) {
  holder.__dbHandle = handle ? Promise.resolve(handle) : undefined;
}

/** Rows of a raw `execute`, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
