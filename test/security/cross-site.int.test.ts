// A page on another origin cannot use the victim's session cookie to change anything.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as listCampaignsRoute, POST as createRoute } from '@/app/api/campaigns/route';
import { PATCH as patchRoute, DELETE as deleteRoute } from '@/app/api/campaigns/[id]/route';
import { POST as actionRoute } from '@/app/api/campaigns/[id]/[action]/route';
import { POST as uploadRoute } from '@/app/api/campaigns/[id]/leads/upload/route';
import { GET as dncListRoute, POST as dncRoute } from '@/app/api/dnc/route';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route';
import { env } from '@/lib/env';
import { BASE, call, signInCookie, validCampaign, createCampaign, apiFixtures } from '@/test/fixtures';

const { users: [alice] } = apiFixtures('Alice');
let cookie: string;
let campaignId: string;

beforeAll(async () => {
  cookie = await signInCookie(alice);
  campaignId = await createCampaign(alice);
});

const evil = 'https://evil.example';
const campaignCount = async () => (await call(listCampaignsRoute, { path: '/api/campaigns', token: alice.token })).body.total as number;

/** A request as a browser sends it with the victim's cookie: a form post is text/plain or urlencoded. */
const fromBrowser = (headers: Record<string, string>) => ({ cookie, 'content-type': 'text/plain', ...headers });

describe('cross-site writes with the session cookie are refused', () => {
  it.each([
    ['Origin of another site', { origin: evil }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site', origin: 'http://other.127.0.0.1:3000' }],
    ['Origin: null (sandboxed frame)', { origin: 'null' }],
    ['a forged X-Forwarded-Host naming the attacker, without TRUSTED_PROXY', { origin: evil, 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' }],
  ])('creating a campaign: %s → 403 and nothing created', async (_what, headers) => {
    const before = await campaignCount();
    const res = await call(createRoute, { path: '/api/campaigns', method: 'POST', body: JSON.stringify(validCampaign), headers: fromBrowser(headers) });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(await campaignCount()).toBe(before);
  });

  it('pausing, editing and deleting a campaign, adding a DNC number and uploading leads are refused too', async () => {
    const headers = fromBrowser({ origin: evil });
    const form = new FormData();
    form.set('file', new Blob(['name,phone\nAda,+14155550101\n'], { type: 'text/csv' }), 'leads.csv');
    const results = await Promise.all([
      call(actionRoute, { path: `/api/campaigns/${campaignId}/start`, method: 'POST', params: { id: campaignId, action: 'start' }, headers }),
      call(patchRoute, { path: `/api/campaigns/${campaignId}`, method: 'PATCH', params: { id: campaignId }, body: JSON.stringify({ name: 'pwned' }), headers }),
      call(deleteRoute, { path: `/api/campaigns/${campaignId}`, method: 'DELETE', params: { id: campaignId }, headers }),
      call(dncRoute, { path: '/api/dnc', method: 'POST', body: JSON.stringify({ phone: '+14155550100' }), headers: { ...headers, 'content-type': 'application/json' } }),
      call(uploadRoute, { path: `/api/campaigns/${campaignId}/leads/upload`, method: 'POST', params: { id: campaignId }, body: form, headers: { cookie, origin: evil } }),
    ]);
    expect(results.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(results.every((r) => r.body.error.code === 'forbidden')).toBe(true);
    const dnc = await call(dncListRoute, { path: '/api/dnc', token: alice.token });
    expect(dnc.body.total).toBe(0);
  });

  it("better-auth's own routes: a cross-site sign-out does not end the session", async () => {
    // better-auth answers a text/plain post 415 by itself; JSON is what a page could send if CORS were ever opened.
    const res = await authPost(new Request(`${BASE}/api/auth/sign-out`, { method: 'POST', headers: fromBrowser({ origin: evil, 'content-type': 'application/json' }), body: '{}' }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const session = await authGet(new Request(`${BASE}/api/auth/get-session`, { headers: { cookie } }));
    expect(((await session.json()) as { user?: { id: string } } | null)?.user?.id).toBe(alice.id);
  });
});

describe('same-origin and programmatic writes still work', () => {
  it('the app on any host and port: Origin matching the Host the request was sent to', async () => {
    for (const origin of ['http://127.0.0.1:3000', 'http://localhost:4123']) {
      const url = new URL(origin);
      const res = await call(createRoute, { path: '/api/campaigns', method: 'POST', body: JSON.stringify(validCampaign), headers: { cookie, origin, host: url.host, 'content-type': 'application/json' } });
      expect(res.status).toBe(201);
    }
  });

  it('Sec-Fetch-Site: same-origin', async () => {
    const res = await call(createRoute, { path: '/api/campaigns', method: 'POST', body: JSON.stringify(validCampaign), headers: { cookie, 'sec-fetch-site': 'same-origin', origin: BASE } });
    expect(res.status).toBe(201);
  });

  it('a bearer token is exempt, whatever the Origin', async () => {
    const res = await call(createRoute, { path: '/api/campaigns', method: 'POST', token: alice.token, body: validCampaign, headers: { origin: evil } });
    expect(res.status).toBe(201);
  });

  it('behind TRUSTED_PROXY the forwarded host is the origin to match', async () => {
    const saved = env.TRUSTED_PROXY;
    env.TRUSTED_PROXY = 1;
    try {
      const headers = { cookie, origin: 'https://calls.example.com', 'x-forwarded-host': 'calls.example.com', 'x-forwarded-proto': 'https', 'content-type': 'application/json' };
      expect((await call(createRoute, { path: '/api/campaigns', method: 'POST', body: JSON.stringify(validCampaign), headers })).status).toBe(201);
      expect((await call(createRoute, { path: '/api/campaigns', method: 'POST', body: JSON.stringify(validCampaign), headers: { ...headers, origin: evil } })).status).toBe(403);
    } finally {
      env.TRUSTED_PROXY = saved;
    }
  });

  it("a same-origin sign-out through better-auth's route works", async () => {
    const own = await signInCookie(alice);
    const res = await authPost(new Request(`${BASE}/api/auth/sign-out`, { method: 'POST', headers: { cookie: own, origin: BASE, 'content-type': 'application/json' }, body: '{}' }));
    expect(res.status).toBe(200);
  });
});
