// Each integration test file gets its own database: an in-memory PGlite, or a fresh database on
// the Postgres server named by DATABASE_URL (dropped afterwards).
import crypto from 'node:crypto';
import { migrate, openPglite, openPostgres, setDbHandle, type DbHandle } from '@/db';
import { resetAuth } from '@/lib/auth';

export type TestDb = DbHandle & { url?: string; drop: () => Promise<void> };

export function testDriver(): 'pglite' | 'postgres' {
  return process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

/** A database URL for the server in DATABASE_URL with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** `migrated: false` leaves the database empty (a migration test applies its own subset first). */
export async function createTestDb({ migrated = true }: { migrated?: boolean } = {}): Promise<TestDb> {
  if (testDriver() === 'pglite') {
    const handle = await openPglite();
    if (migrated) await migrate(handle);
    return { ...handle, drop: handle.close };
  }
  const base = process.env.DATABASE_URL!;
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(base, { max: 1 });
  await admin.db.execute(`create database ${name}` as never);
  await admin.close();
  const url = withDatabase(base, name);
  const handle = await openPostgres(url, { max: 10 });
  if (migrated) await migrate(handle);
  return {
    ...handle,
    url,
    drop: async () => {
      await handle.close();
      const again = await openPostgres(base, { max: 1 });
      await again.db.execute(`drop database if exists ${name} with (force)` as never);
      await again.close();
    },
  };
}

/** Points the app (route handlers, services, auth) at a fresh test database for this file. */
export async function useTestDb(): Promise<TestDb> {
  const handle = await createTestDb();
  setDbHandle(handle);
  resetAuth();
  return handle;
}
