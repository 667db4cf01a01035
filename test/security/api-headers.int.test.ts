// API answers, success or error, and better-auth's, are JSON that no cache keeps and no browser sniffs.
import { describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/campaigns/route';
import { GET as authGet } from '@/app/api/auth/[...all]/route';
import { BASE, call, apiFixtures } from '@/test/fixtures';

const { users: [alice] } = apiFixtures('Alice');

describe('API response headers', () => {
  it.each([
    ['a success', () => call(listRoute, { path: '/api/campaigns', token: alice.token })],
    ['an error', () => call(listRoute, { path: '/api/campaigns' })],
    ["better-auth's get-session", async () => {
      const res = await authGet(new Request(`${BASE}/api/auth/get-session`, { headers: { authorization: `Bearer ${alice.token}` } }));
      return { status: res.status, headers: res.headers };
    }],
  ])('%s: Cache-Control no-store, nosniff', async (_what, send) => {
    const res = await send();
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
