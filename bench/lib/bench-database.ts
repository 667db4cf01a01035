// The throwaway database every benchmark runs on: a new Postgres database beside DATABASE_URL's (dropped
// afterwards), or an on-disk PGlite when DATABASE_URL is unset and the benchmark can run there. Also the
// owner every benchmark seeds: a user with their personal workspace, and a campaign config open all week.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { campaignConfig, type CampaignConfig } from '@/shared/contracts/campaign-config';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

const defaultServer = 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchHandle = import('@/db/client').DbHandle;

export type BenchDatabase = {
  handle: BenchHandle;
  /** The new database's URL, for more connections or a child process; null on PGlite. */
  url: string | null;
  /** Which database this is, for the benchmark's report. */
  label: string;
  drop: () => Promise<void>;
};

/**
 * Opens and migrates a fresh database. `pglite: true` lets a benchmark fall back to PGlite when DATABASE_URL
 * is unset; without it the benchmark needs Postgres and uses the local server.
 */
export async function openBenchDatabase(options: { max: number; pglite?: boolean }): Promise<BenchDatabase> {
  // Imported here, not at the top: benchmarks set the app's environment before the db module reads it.
  const { migrate, openPglite, openPostgres } = await import('@/db');
  const server = process.env.DATABASE_URL;
  if (!server && options.pglite) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
    const handle = await openPglite(path.join(dir, 'db'));
    await migrate(handle);
    return { handle, url: null, label: 'PGlite (on disk, in this process; DATABASE_URL not set)', drop: async () => (await handle.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const base = server ?? defaultServer;
  const name = `bench_${crypto.randomBytes(4).toString('hex')}`;
  await onServer(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: options.max });
  try {
    await migrate(handle);
  } catch (error) {
    await handle.close();
    await onServer(base, `drop database if exists ${name} with (force)`);
    throw error;
  }
  return {
    handle,
    url: url.toString(),
    label: `Postgres (${url.host})`,
    drop: async () => {
      await handle.close();
      await onServer(base, `drop database if exists ${name} with (force)`);
    },
  };
}

async function onServer(base: string, statement: string) {
  const { openPostgres } = await import('@/db');
  const { sql } = await import('drizzle-orm');
  const admin = await openPostgres(base, { max: 1 });
  try {
    await admin.db.execute(sql.raw(statement));
  } finally {
    await admin.close();
  }
}

/** A user and their personal workspace (the workspace has the user's id, as at sign-up); returns that id. */
export async function seedBenchOwner(db: BenchHandle['db'], name = 'Bench'): Promise<string> {
  const { schema } = await import('@/db');
  const ownerId = crypto.randomUUID();
  await db.insert(schema.users).values({ id: ownerId, name, email: `${ownerId}@example.com` });
  await db.insert(schema.workspaces).values({ id: ownerId, name, personalOf: ownerId });
  return ownerId;
}

/**
 * A campaign config open all day every day, with caps a benchmark does not reach unless it sets its own
 * (`overrides`): New York time, a million calls a day, 3 calls a lead, 500 at once.
 */
export function benchCampaignConfig(overrides: Partial<CampaignConfig> = {}): CampaignConfig {
  return campaignConfig.parse({
    timezone: 'America/New_York',
    callWindows: everyHourOfEveryDay,
    maxCallsPerDay: 1_000_000,
    maxCallsPerLead: 3,
    maxConcurrentCalls: 500,
    ...overrides,
  });
}
