// A request body is read only up to its limit, and a lead's context has one size limit on every path.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openLeadContext } from '@/lib/services/leads/lead-context';
import { schema } from '@/db';
import { POST as createRoute } from '@/app/api/campaigns/route';
import { POST as addLeadRoute } from '@/app/api/campaigns/[id]/leads/add/route';
import { POST as uploadRoute } from '@/app/api/campaigns/[id]/leads/upload/route';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { POST as liveKitWebhook } from '@/app/api/livekit/webhook/route';
import { env } from '@/lib/env';
import { BASE, call, validCampaign, createCampaign, apiFixtures } from '@/test/fixtures';

const { db, users: [alice] } = apiFixtures('Alice');
let campaignId: string;
const saved = { ...env };

beforeAll(async () => {
  campaignId = await createCampaign(alice);
});
afterEach(() => Object.assign(env, saved));

/** A JSON body of `total` bytes produced on demand, counting how many bytes the server pulled. */
function hugeJson(total: number) {
  const chunk = new TextEncoder().encode(`"${'x'.repeat(64 * 1024 - 3)}",`);
  const stats = { pulled: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('['));
      if (sent >= total) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
      stats.pulled = sent;
    },
  });
  return { stream, stats };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  createRoute(new Request(`${BASE}/api/campaigns`, { method: 'POST', headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit), {
    params: Promise.resolve({}),
  });

describe('JSON body size', () => {
  it('a 50 MB JSON body without Content-Length: 413, and the read stops near the limit', async () => {
    const { stream, stats } = hugeJson(50 * 1024 * 1024);
    const res = await post(stream);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(stats.pulled).toBeLessThan(env.JSON_MAX_BYTES + 4 * 64 * 1024);
  });

  it('a declared Content-Length over the limit is refused before reading', async () => {
    const { stream, stats } = hugeJson(50 * 1024 * 1024);
    const res = await post(stream, { 'content-length': String(50 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(stats.pulled).toBeLessThan(4 * 64 * 1024);
  });

  it("better-auth's routes too: a 50 MB sign-in body is a 413, read no further than the limit", async () => {
    const { stream, stats } = hugeJson(50 * 1024 * 1024);
    const res = await authPost(new Request(`${BASE}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit));
    expect(res.status).toBe(413);
    expect(stats.pulled).toBeLessThan(env.JSON_MAX_BYTES + 4 * 64 * 1024);
  });

  it('the limit is configurable, and a body under it is read as before', async () => {
    env.JSON_MAX_BYTES = 100;
    expect((await post(JSON.stringify(validCampaign))).status).toBe(413);
    env.JSON_MAX_BYTES = saved.JSON_MAX_BYTES;
    expect((await post(JSON.stringify(validCampaign))).status).toBe(201);
  });
});

describe("a lead's context has one limit, 64 KB, on every path", () => {
  const big = 'y'.repeat(70 * 1024);

  it('JSON: 422 naming context', async () => {
    const res = await call(addLeadRoute, { path: `/api/campaigns/${campaignId}/leads/add`, method: 'POST', token: alice.token, params: { id: campaignId }, body: { name: 'Big', phone: '+14155550140', context: { notes: big } } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toContain('context');
  });

  it('CSV: the row is refused with the same reason, the others imported', async () => {
    const form = new FormData();
    form.set('file', new Blob([`name,phone,notes\nBig,+14155550141,${big}\nSmall,+14155550142,ok\n`], { type: 'text/csv' }), 'leads.csv');
    const res = await call(uploadRoute, { path: `/api/campaigns/${campaignId}/leads/upload`, method: 'POST', token: alice.token, params: { id: campaignId }, body: form });
    expect(res.status).toBe(200);
    expect(res.body.inserted).toBe(1);
    expect(res.body.rejected).toEqual([{ line: 2, reason: expect.stringMatching(/context is larger than 64 KB/) }]);
    expect(await db.db.select().from(schema.leads).where(eq(schema.leads.phone, '+14155550141'))).toEqual([]);
  });

  it('CSV: 100,000 extra columns do not become 100,000 context keys', async () => {
    const header = ['name', 'phone', ...Array.from({ length: 100_000 }, (_, i) => `c${i}`)].join(',');
    const row = ['Wide', '+14155550143', ...Array.from({ length: 100_000 }, () => 'v')].join(',');
    const form = new FormData();
    form.set('file', new Blob([`${header}\n${row}\n`], { type: 'text/csv' }), 'leads.csv');
    const res = await call(uploadRoute, { path: `/api/campaigns/${campaignId}/leads/upload`, method: 'POST', token: alice.token, params: { id: campaignId }, body: form });
    const stored = await db.db.select({ context: schema.leads.context }).from(schema.leads).where(eq(schema.leads.phone, '+14155550143'));
    expect(stored.every((l) => Object.keys(openLeadContext(l.context)).length < 100_000)).toBe(true);
    expect(res.status).toBeLessThan(500);
  });
});

describe('LiveKit webhook body size', () => {
  it('a 50 MB body with any Authorization header: 413 before the signature is checked, and the read stops near the limit', async () => {
    const { stream, stats } = hugeJson(50 * 2 ** 20);
    const res = await liveKitWebhook(
      new Request(`${BASE}/api/livekit/webhook`, { method: 'POST', headers: { authorization: 'not-a-signature', 'content-type': 'application/webhook+json' }, body: stream, duplex: 'half' } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(413);
    expect(stats.pulled).toBeLessThan(env.JSON_MAX_BYTES + 4 * 64 * 1024);
  });
});
