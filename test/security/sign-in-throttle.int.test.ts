// Guessing passwords is slowed per address and per account, in Postgres, without locking the real user out.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { ManualClock, setAppClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { guardForwardedHeaders } from '@/lib/http/forwarded-header-guard';
import { pruneRateLimits } from '@/lib/services/rate-limits';
import { rowsOf } from '@/db';
import { BASE, apiFixtures } from '@/test/fixtures';

const { db, users: [alice] } = apiFixtures('Alice');
const clock = new ManualClock('2026-03-02T15:00:00Z');
const saved = { ...env };

beforeEach(() => {
  setAppClock(clock);
  clock.advance(24 * 3600_000); // every test starts with spent windows long gone
});
afterEach(() => {
  setAppClock(undefined);
  Object.assign(env, saved);
});

type Attempt = { status: number; retryAfter: number | null; code?: string };

/** A sign-in as the route handler receives it; `ip` is the address Next reports (X-Forwarded-For). */
async function signIn(email: string, password: string, ip?: string): Promise<Attempt> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: BASE };
  if (ip) headers['x-forwarded-for'] = ip;
  const res = await authPost(new Request(`${BASE}/api/auth/sign-in/email`, { method: 'POST', headers, body: JSON.stringify({ email, password }) }));
  const body = (await res.json().catch(() => null)) as { error?: { code: string } } | null;
  const retryAfter = res.headers.get('retry-after');
  return { status: res.status, retryAfter: retryAfter === null ? null : Number(retryAfter), code: body?.error?.code };
}

const wrong = (email: string, ip?: string) => signIn(email, 'not-the-password', ip);

describe('sign-in throttling', () => {
  it('a new X-Forwarded-For on every request does not reset it: without TRUSTED_PROXY the socket address counts', async () => {
    // A real HTTP server with the guard Next runs behind (instrumentation.ts installs it on Next's server).
    const server = http.createServer(async (req, res) => {
      guardForwardedHeaders(req, env.TRUSTED_PROXY);
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers(Object.entries(req.headers).map(([k, v]): [string, string] => [k, String(v)]));
      const response = await authPost(new Request(`${BASE}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 8; i++) {
        const res = await fetch(`${url}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: url, 'x-forwarded-for': `198.51.100.${i}` },
          body: JSON.stringify({ email: alice.email, password: 'guess-' + i }),
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429, 429]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("an attacker's address is slowed with a growing delay while the user signs in from their own", async () => {
    const attacker = '203.0.113.7';
    const attempts: Attempt[] = [];
    for (let i = 0; i < 22; i++) attempts.push(await wrong(alice.email, attacker));
    expect(attempts.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    const sixth = attempts[5];
    expect(sixth).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(sixth.retryAfter).toBeGreaterThan(0);
    expect(sixth.retryAfter).toBeLessThanOrEqual(60);
    // Twenty failures in the hour: the wait grows past the minute.
    expect(attempts[21].status).toBe(429);
    expect(attempts[21].retryAfter).toBeGreaterThan(60);

    expect((await signIn(alice.email, 'correct-horse-battery', '198.51.100.20')).status).toBe(200);
    // After the minute the attacker is still held by the hour step.
    clock.advance(61_000);
    expect((await wrong(alice.email, attacker)).status).toBe(429);
  });

  it('typos from the user’s own address are forgiven by the right password', async () => {
    const home = '198.51.100.30';
    for (let i = 0; i < 4; i++) expect((await wrong(alice.email, home)).status).toBe(401);
    expect((await signIn(alice.email, 'correct-horse-battery', home)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await wrong(alice.email, home)).status).toBe(401);
  });

  it('one address guessing many accounts is throttled per address', async () => {
    env.SIGN_IN_LIMIT_PER_IP = 10;
    const results: Attempt[] = [];
    for (let i = 0; i < 11; i++) results.push(await wrong(`nobody-${i}@example.com`, '203.0.113.9'));
    expect(results.slice(0, 10).every((r) => r.status === 401)).toBe(true);
    expect(results[10].status).toBe(429);
    expect(results[10].retryAfter).toBeLessThanOrEqual(600);
    // Another address is unaffected.
    expect((await wrong('nobody-0@example.com', '203.0.113.10')).status).toBe(401);
  });

  it('the per-account limit across addresses is generous and lapses with its window', async () => {
    env.SIGN_IN_LIMIT_PER_ACCOUNT = 6;
    for (let i = 0; i < 6; i++) expect((await wrong(alice.email, `192.0.2.${i + 1}`)).status).toBe(401);
    expect((await wrong(alice.email, '192.0.2.50')).status).toBe(429);
    clock.advance(3601_000);
    expect((await signIn(alice.email, 'correct-horse-battery', '192.0.2.51')).status).toBe(200);
  });

  it('the counters live in Postgres, so every instance shares them', async () => {
    await wrong(alice.email, '203.0.113.77');
    const rows = await db.db.execute(`select key, hits from rate_limits where key like 'sign-in:%203.0.113.77'` as never);
    expect(JSON.stringify(rows)).toContain('203.0.113.77');
    // The pruning job deletes them once their windows are long over.
    expect(await pruneRateLimits(db.db, { before: new Date(clock.now().getTime() + 2 * 3600_000) })).toBeGreaterThan(0);
    expect(rowsOf(await db.db.execute(`select key from rate_limits` as never))).toEqual([]);
  });
});
