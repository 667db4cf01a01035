// The database-blip drill: a real Postgres cluster of its own is stopped in the middle of a run and
// started again. While it is down the API answers 503 with Retry-After (never 500); once it is back
// the same process serves requests again without a restart. Skipped in the suite: it needs the
// throw-away cluster that scripts/db-blip-drill.sh creates, stops, starts and drops.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listCampaigns } from '@/app/api/campaigns/route';
import { call, signUp, type TestUser } from '@/test/api';
import { testDriver, useTestDb, type TestDb } from '@/test/db';

const cluster = process.env.BLIP_CLUSTER; // e.g. "15 blip"
const drill = !!cluster && testDriver() === 'postgres';

const pgctl = (action: 'start' | 'stop') => execFileSync('pg_ctlcluster', [...cluster!.split(' '), action, ...(action === 'stop' ? ['-m', 'fast'] : [])], { stdio: 'inherit' });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!drill)('a database blip (drill on a throw-away cluster)', () => {
  let db: TestDb;
  let alice: TestUser;
  const list = () => call(listCampaigns, { path: '/api/campaigns', token: alice.token });

  beforeAll(async () => {
    db = await useTestDb();
    alice = await signUp('Alice');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('answers 503 with Retry-After while Postgres is down, and 200 again once it is back', async () => {
    expect((await list()).status).toBe(200);
    pgctl('stop');
    try {
      const during = await list();
      expect(during.status).toBe(503);
      expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(during.body.error.code).toBe('unavailable');
    } finally {
      pgctl('start');
    }
    const after = await until(list, (res) => res.status === 200);
    expect(after.status).toBe(200);
  });
});
