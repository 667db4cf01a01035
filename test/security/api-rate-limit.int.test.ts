// Each principal's API use is limited, counted in Postgres: creates tightest, other writes next, reads generous.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { rowsOf, schema } from '@/db';
import { GET as listRoute, POST as createRoute } from '@/app/api/campaigns/route';
import { PATCH as patchRoute } from '@/app/api/campaigns/[id]/route';
import { ManualClock, setAppClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { call, validCampaign, type TestUser, apiFixtures } from '@/test/fixtures';

const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');
const clock = new ManualClock('2026-03-02T15:00:00Z');
const saved = { ...env };

beforeEach(() => {
  setAppClock(clock);
  clock.advance(3600_000); // a fresh window for each test
});
afterEach(() => {
  setAppClock(undefined);
  Object.assign(env, saved);
});

const create = (user: TestUser) => call(createRoute, { path: '/api/campaigns', method: 'POST', token: user.token, body: validCampaign });
const campaignsOf = async (user: TestUser) => (await db.db.select({ n: count() }).from(schema.campaigns).where(eq(schema.campaigns.workspaceId, user.workspaceId)))[0].n;

describe('API rate limits', () => {
  it('200 campaign creations at once: exactly the limit succeed, the rest are 429 with Retry-After and the error body', async () => {
    const before = await campaignsOf(alice);
    const results = await Promise.all(Array.from({ length: 200 }, () => create(alice)));
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 429);
    expect(created).toHaveLength(env.API_LIMIT_CREATES_PER_MINUTE);
    expect(refused).toHaveLength(200 - env.API_LIMIT_CREATES_PER_MINUTE);
    expect(refused[0].body.error.code).toBe('rate_limited');
    const retryAfter = Number(refused[0].headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await campaignsOf(alice)) - before).toBe(env.API_LIMIT_CREATES_PER_MINUTE);

    // Reads have their own, larger budget; another user has their own; the window passes.
    expect((await call(listRoute, { path: '/api/campaigns', token: alice.token })).status).toBe(200);
    expect((await create(bob)).status).toBe(201);
    clock.advance(61_000);
    expect((await create(alice)).status).toBe(201);
  });

  it('writes and reads are limited as configured (lib/env.ts), keyed on the principal', async () => {
    env.API_LIMIT_WRITES_PER_MINUTE = 3;
    env.API_LIMIT_READS_PER_MINUTE = 5;
    const id = (await create(bob)).body.id as string;
    const patch = () => call(patchRoute, { path: `/api/campaigns/${id}`, method: 'PATCH', token: bob.token, params: { id }, body: { description: 'x' } });
    expect([(await patch()).status, (await patch()).status, (await patch()).status, (await patch()).status]).toEqual([200, 200, 200, 429]);
    const reads: number[] = [];
    for (let i = 0; i < 6; i++) reads.push((await call(listRoute, { path: '/api/campaigns', token: bob.token })).status);
    expect(reads).toEqual([200, 200, 200, 200, 200, 429]);
    const keys = rowsOf<{ key: string }>(await db.db.execute(`select key from rate_limits where key like 'api:%'` as never)).map((r) => r.key);
    expect(keys).toContain(`api:write:user:${bob.id}`);
  });
});
