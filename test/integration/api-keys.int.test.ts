// Workspace API keys through the routes: created once, used as a bearer token or x-api-key on the API, listed
// by prefix only, revoked with effect on the very next request; role, workspace and rate limit are the key's.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { GET as listKeys, POST as createKey } from '@/app/api/api-keys/route';
import { DELETE as revokeKey } from '@/app/api/api-keys/[id]/route';
import { GET as listCampaigns, POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { GET as getCampaign } from '@/app/api/campaigns/[id]/route';
import { GET as listWorkspaces } from '@/app/api/workspaces/route';
import { DELETE as removeMember, PATCH as changeRole } from '@/app/api/team/members/[userId]/route';
import { ManualClock, setAppClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { call, validCampaign, type TestUser, addMembers, createCampaignAnswer, apiFixtures } from '@/test/fixtures';

// alice: owns workspace A
// mallory: manager in A
// bob: owns workspace B
const { db, users: [alice, mallory, bob] } = apiFixtures('Alice', 'Mallory', 'Bob');
const clock = new ManualClock('2026-03-02T15:00:00Z');
const saved = { ...env };

beforeAll(async () => {
  await addMembers(alice, [[mallory, 'manager']]);
});
beforeEach(() => {
  setAppClock(clock);
  clock.advance(3600_000); // a fresh rate-limit window for each test
});
afterEach(() => {
  setAppClock(undefined);
  Object.assign(env, saved);
});

type Created = { id: string; key: string; prefix: string; name: string; role: string; createdAt: string; error?: any };
const mint = async (user: TestUser, body: { name: string; role?: string }, headers: Record<string, string> = {}) =>
  call<Created>(createKey, { path: '/api/api-keys', method: 'POST', token: user.token, body, headers });
const withKey = (key: string, how: 'bearer' | 'header'): Record<string, string> => (how === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key });

describe('API keys', () => {
  it('lifecycle: create (shown once), use as Bearer and x-api-key, list by prefix only, revoke → 401 at once', async () => {
    const created = await mint(alice, { name: 'CRM sync' });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/api-keys/${created.body.id}`);
    const { key, prefix, role } = created.body;
    expect(key).toMatch(/^oce_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(16);
    expect(role).toBe('owner'); // the creator's role when none is asked for

    // Only the hash is stored.
    const [row] = await db.db.select().from(schema.apiKeys).where(eq(schema.apiKeys.id, created.body.id));
    expect(JSON.stringify(row)).not.toContain(key.slice(prefix.length));
    expect(row.workspaceId).toBe(alice.workspaceId);

    for (const how of ['bearer', 'header'] as const) {
      const made = await call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', headers: withKey(key, how), body: { ...validCampaign, name: `Via ${how}` } });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      const [campaign] = await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, made.body.id));
      expect(campaign.workspaceId).toBe(alice.workspaceId);
      expect(campaign.createdBy).toBe(alice.id);
      const list = await call(listCampaigns, { path: '/api/campaigns', headers: withKey(key, how) });
      expect(list.status).toBe(200);
      expect(list.body.items.map((c: { name: string }) => c.name)).toContain(`Via ${how}`);
    }

    const listed = await call(listKeys, { path: '/api/api-keys', token: alice.token });
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(item).toMatchObject({ prefix, name: 'CRM sync', role: 'owner', createdBy: 'Alice' });
    expect(item.lastUsedAt).toBe(clock.now().toISOString());
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const revoked = await call(revokeKey, { path: `/api/api-keys/${created.body.id}`, method: 'DELETE', token: alice.token, params: { id: created.body.id } });
    expect(revoked.status).toBe(200);
    for (const how of ['bearer', 'header'] as const) {
      const after = await call(listCampaigns, { path: '/api/campaigns', headers: withKey(key, how) });
      expect(after.status).toBe(401);
      expect(after.body.error.message).toBe('The API key is not valid or has been revoked');
    }
    expect((await call(listKeys, { path: '/api/api-keys', token: alice.token })).body.items.map((k: { id: string }) => k.id)).not.toContain(created.body.id);
    expect((await call(revokeKey, { path: `/api/api-keys/${created.body.id}`, method: 'DELETE', token: alice.token, params: { id: created.body.id } })).status).toBe(404);
  });

  it('an unknown key is 401, and is not taken for a session token', async () => {
    const forged = 'oce_' + 'A'.repeat(43);
    expect((await call(listCampaigns, { path: '/api/campaigns', headers: withKey(forged, 'bearer') })).status).toBe(401);
    expect((await call(listCampaigns, { path: '/api/campaigns', headers: withKey(forged, 'header') })).status).toBe(401);
    // x-api-key wins over a valid session token sent alongside: the key is what the caller meant.
    expect((await call(listCampaigns, { path: '/api/campaigns', token: alice.token, headers: { 'x-api-key': forged } })).status).toBe(401);
  });

  it("a viewer key reads but gets 403 on a write; a manager cannot create an owner key; a key's role follows its creator down", async () => {
    const viewerKey = (await mint(alice, { name: 'Dashboards', role: 'viewer' })).body;
    expect(viewerKey.role).toBe('viewer');
    expect((await call(listCampaigns, { path: '/api/campaigns', headers: withKey(viewerKey.key, 'bearer') })).status).toBe(200);
    const write = await call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', headers: withKey(viewerKey.key, 'bearer'), body: validCampaign });
    expect(write.status).toBe(403);
    expect(write.body.error.message).toBe('This needs the manager role in this workspace; you are a viewer');

    const ownerKey = await mint(mallory, { name: 'Too much', role: 'owner' }, { 'x-workspace-id': alice.workspaceId });
    expect(ownerKey.status).toBe(403);
    expect(ownerKey.body.error?.message).toBe('A manager cannot create a key with the owner role');
    expect(ownerKey.body.error?.fields).toEqual({ role: 'at most manager' });

    // A manager's key: once the manager is demoted to viewer it acts as a viewer; once removed, it is 401.
    const managerKey = (await mint(mallory, { name: 'Importer' }, { 'x-workspace-id': alice.workspaceId })).body;
    expect(managerKey.role).toBe('manager');
    const create = () => call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', headers: withKey(managerKey.key, 'header'), body: validCampaign });
    expect((await create()).status).toBe(201);
    // A manager cannot revoke an owner's key.
    const ownerOwn = (await mint(alice, { name: 'Owner key' })).body;
    const refused = await call(revokeKey, { path: `/api/api-keys/${ownerOwn.id}`, method: 'DELETE', token: mallory.token, params: { id: ownerOwn.id }, headers: { 'x-workspace-id': alice.workspaceId } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('A manager cannot revoke a key with the owner role');

    expect((await call(changeRole, { path: `/api/team/members/${mallory.id}`, method: 'PATCH', token: alice.token, params: { userId: mallory.id }, body: { role: 'viewer' } })).status).toBe(200);
    expect((await create()).status).toBe(403);
    expect((await call(removeMember, { path: `/api/team/members/${mallory.id}`, method: 'DELETE', token: alice.token, params: { userId: mallory.id } })).status).toBe(200);
    expect((await call(listCampaigns, { path: '/api/campaigns', headers: withKey(managerKey.key, 'bearer') })).status).toBe(401);
  });

  it("a key of workspace A: B's campaign is 404, and X-Workspace-Id naming B is 404", async () => {
    const key = (await mint(alice, { name: 'A only' })).body.key;
    const bCampaign = await createCampaignAnswer(bob);
    const read = await call(getCampaign, { path: `/api/campaigns/${bCampaign.id}`, headers: withKey(key, 'bearer'), params: { id: bCampaign.id } });
    expect(read.status).toBe(404);
    const named = await call(listCampaigns, { path: '/api/campaigns', headers: { ...withKey(key, 'header'), 'x-workspace-id': bob.workspaceId } });
    expect(named.status).toBe(404);
    expect(named.body.error.message).toBe('Workspace not found');
    // Naming its own workspace is fine.
    expect((await call(listCampaigns, { path: '/api/campaigns', headers: { ...withKey(key, 'header'), 'x-workspace-id': alice.workspaceId } })).status).toBe(200);
  });

  it('a key cannot manage keys or use the routes that act in no workspace (403)', async () => {
    const key = (await mint(alice, { name: 'No minting' })).body;
    const minted = await call(createKey, { path: '/api/api-keys', method: 'POST', headers: withKey(key.key, 'bearer'), body: { name: 'child' } });
    expect(minted.status).toBe(403);
    expect((await call(listKeys, { path: '/api/api-keys', headers: withKey(key.key, 'header') })).status).toBe(403);
    expect((await call(revokeKey, { path: `/api/api-keys/${key.id}`, method: 'DELETE', headers: withKey(key.key, 'header'), params: { id: key.id } })).status).toBe(403);
    expect((await call(listWorkspaces, { path: '/api/workspaces', headers: withKey(key.key, 'bearer') })).status).toBe(403);
  });

  it('rate limits are per key: a spent key gets 429 with Retry-After while its creator and another key go on', async () => {
    env.API_LIMIT_READS_PER_MINUTE = 3;
    const [one, two] = [(await mint(alice, { name: 'one' })).body.key, (await mint(alice, { name: 'two' })).body.key];
    const read = (headers: Record<string, string>) => call(listCampaigns, { path: '/api/campaigns', headers });
    for (let i = 0; i < 3; i++) expect((await read(withKey(one, 'bearer'))).status).toBe(200);
    const limited = await read(withKey(one, 'header'));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await read(withKey(two, 'bearer'))).status).toBe(200);
    expect((await read({ authorization: `Bearer ${alice.token}` })).status).toBe(200);
    clock.advance(61_000);
    expect((await read(withKey(one, 'bearer'))).status).toBe(200);
  });

  it('last used is written at most once a minute', async () => {
    const created = (await mint(alice, { name: 'Touch' })).body;
    const lastUsed = async () => (await db.db.select({ at: schema.apiKeys.lastUsedAt }).from(schema.apiKeys).where(eq(schema.apiKeys.id, created.id)))[0].at;
    expect(await lastUsed()).toBeNull();
    const first = clock.now();
    await call(listCampaigns, { path: '/api/campaigns', headers: withKey(created.key, 'bearer') });
    expect((await lastUsed())?.toISOString()).toBe(first.toISOString());
    clock.advance(30_000);
    await call(listCampaigns, { path: '/api/campaigns', headers: withKey(created.key, 'bearer') });
    expect((await lastUsed())?.toISOString()).toBe(first.toISOString());
    clock.advance(31_000);
    await call(listCampaigns, { path: '/api/campaigns', headers: withKey(created.key, 'bearer') });
    expect((await lastUsed())?.toISOString()).toBe(clock.now().toISOString());
  });

  it('a cross-site write with an API key is not refused by the origin check (the cookie alone is)', async () => {
    const key = (await mint(alice, { name: 'Cross-site' })).body.key;
    const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    for (const how of ['bearer', 'header'] as const) {
      const res = await call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', headers: { ...crossSite, ...withKey(key, how) }, body: validCampaign });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });

  it("Idempotency-Key with a key: a retry gets the first answer; the same key from the creator's session is another request", async () => {
    const key = (await mint(alice, { name: 'Retries' })).body.key;
    const body = { ...validCampaign, name: 'Idempotent via key' };
    const send = (headers: Record<string, string>) => call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', headers: { 'Idempotency-Key': 'retry-1', ...headers }, body });
    const first = await send(withKey(key, 'header'));
    const again = await send(withKey(key, 'bearer'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const rows = await db.db.select({ id: schema.campaigns.id }).from(schema.campaigns).where(eq(schema.campaigns.name, 'Idempotent via key'));
    expect(rows).toHaveLength(1);
    // The creator's session with the same Idempotency-Key is not answered the key's campaign.
    const session = await send({ authorization: `Bearer ${alice.token}` });
    expect(session.headers.get('idempotent-replayed')).toBeNull();
    expect(session.body.id).not.toBe(first.body.id);
  });

  it('bad input: a missing name or an unknown role is 422 naming the field; a malformed id is 404', async () => {
    const noName = await mint(alice, { name: '' });
    expect(noName.status).toBe(422);
    expect(noName.body.error?.fields).toHaveProperty('name');
    const badRole = await mint(alice, { name: 'x', role: 'admin' });
    expect(badRole.status).toBe(422);
    expect(badRole.body.error?.fields).toHaveProperty('role');
    expect((await call(revokeKey, { path: '/api/api-keys/nope', method: 'DELETE', token: alice.token, params: { id: 'nope' } })).status).toBe(404);
    // Another workspace's key is 404 to revoke.
    const bobs = (await mint(bob, { name: 'Bob key' })).body;
    expect((await call(revokeKey, { path: `/api/api-keys/${bobs.id}`, method: 'DELETE', token: alice.token, params: { id: bobs.id } })).status).toBe(404);
  });
});
