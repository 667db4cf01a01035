// The database-blip drill: a real Postgres cluster of its own is stopped in the middle of a run and
// started again. While it is down the API answers 503 with Retry-After (never 500); once it is back
// the same process serves requests again without a restart. The cluster is the drill's own
// (test/pg-cluster.ts), so the server every other test uses is never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listCampaigns } from '@/app/api/campaigns/route';
import { call, signUp, type TestUser, testDriver, pointAppAtThrowAwayCluster } from '@/test/fixtures';
import { type DbHandle } from '@/db';
import { throwAwayClusterUnavailable, type ThrowAwayCluster } from '@/test/pg-cluster';

const unavailable = testDriver() === 'postgres' ? throwAwayClusterUnavailable() : 'runs on the Postgres driver only';
if (unavailable && testDriver() === 'postgres') process.stderr.write(`db-blip drill skipped: ${unavailable}\n`);

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!!unavailable)('a database blip (drill on a throw-away cluster)', () => {
  let cluster: ThrowAwayCluster;
  let handle: DbHandle;
  let alice: TestUser;
  const list = () => call(listCampaigns, { path: '/api/campaigns', token: alice.token });

  beforeAll(async () => {
    ({ cluster, handle } = await pointAppAtThrowAwayCluster());
    alice = await signUp('Alice');
  });
  afterAll(async () => {
    await handle?.close();
    await cluster?.drop();
  });

  it('answers 503 with Retry-After while Postgres is down, and 200 again once it is back', async () => {
    expect((await list()).status).toBe(200);
    await cluster.stop();
    try {
      const during = await list();
      expect(during.status).toBe(503);
      expect(Number(during.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(during.body.error.code).toBe('unavailable');
    } finally {
      await cluster.start();
    }
    const after = await until(list, (res) => res.status === 200);
    expect(after.status).toBe(200);
  });
});
