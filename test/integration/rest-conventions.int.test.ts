// Creates answer 201 with Location, an Idempotency-Key makes a retried create one creation, cloning
// copies settings only, and the leads export and import template download as CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { GET as listCampaignsRoute, POST as createRoute } from '@/app/api/campaigns/route';
import { GET as getCampaignRoute } from '@/app/api/campaigns/[id]/route';
import { POST as cloneRoute } from '@/app/api/campaigns/[id]/clone/route';
import { POST as addLeadRoute } from '@/app/api/campaigns/[id]/leads/route';
import { POST as addLeadAliasRoute } from '@/app/api/campaigns/[id]/leads/add/route';
import { GET as leadsExportRoute } from '@/app/api/campaigns/[id]/leads/export/route';
import { GET as templateRoute } from '@/app/api/campaigns/leads/template/route';
import { POST as blackoutRoute } from '@/app/api/compliance/blackouts/route';
import { POST as dncRoute } from '@/app/api/dnc/route';
import { schema } from '@/db';
import { blackoutResponse, campaignResponse, dncAddResponse, leadResponse } from '@/lib/api/responses';
import { ManualClock, setAppClock } from '@/lib/clock';
import { resolveColumns } from '@/shared/csv-columns';
import { leadTemplateColumns } from '@/shared/lead-template';
import { call, type TestUser, validCampaign, apiFixtures } from '@/test/fixtures';
import { sealLeadContext } from '@/lib/services/leads/lead-context';

const clock = new ManualClock('2026-06-17T15:00:00Z');

// Set first, so the users sign up on the test's clock.
beforeAll(() => setAppClock(clock));
const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');
afterAll(async () => {
  setAppClock(undefined);
});

const create = (user: TestUser, body: unknown, key?: string) =>
  call(createRoute, { path: '/api/campaigns', method: 'POST', token: user.token, body, headers: key ? { 'Idempotency-Key': key } : {} });

async function campaignsNamed(workspaceId: string, name: string) {
  const [{ n }] = await db.db
    .select({ n: count() })
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.workspaceId, workspaceId), eq(schema.campaigns.name, name)));
  return n;
}

describe('Idempotency-Key on creates', () => {
  it('a create retried with the same key makes one campaign and answers the first status and body again', async () => {
    const body = { ...validCampaign, name: 'Retried once' };
    const first = await create(alice, body, 'key-retry-1');
    const again = await create(alice, body, 'key-retry-1');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(`/api/campaigns/${first.body.id}`);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await campaignsNamed(alice.workspaceId, 'Retried once')).toBe(1);
  });

  it('concurrent retries with one key make one campaign, and all answer with it', async () => {
    const body = { ...validCampaign, name: 'Raced' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => create(alice, body, 'key-race')));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await campaignsNamed(alice.workspaceId, 'Raced')).toBe(1);
  });

  it('the same key with another body is a 422 naming the header, and creates nothing', async () => {
    await create(alice, { ...validCampaign, name: 'Original' }, 'key-reused');
    const other = await create(alice, { ...validCampaign, name: 'Something else' }, 'key-reused');
    expect(other.status).toBe(422);
    expect(other.body.error.fields).toHaveProperty('Idempotency-Key');
    expect(await campaignsNamed(alice.workspaceId, 'Something else')).toBe(0);
  });

  it("keys are per user: another user's same key does its own create", async () => {
    const body = { ...validCampaign, name: 'Shared key' };
    const a = await create(alice, body, 'key-shared');
    const b = await create(bob, body, 'key-shared');
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('a key expires after 24 hours: the same request then creates again', async () => {
    const body = { ...validCampaign, name: 'Day later' };
    const first = await create(alice, body, 'key-expiring');
    clock.advance(23 * 3600_000);
    expect((await create(alice, body, 'key-expiring')).body.id).toBe(first.body.id);
    clock.advance(2 * 3600_000);
    const later = await create(alice, body, 'key-expiring');
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await campaignsNamed(alice.workspaceId, 'Day later')).toBe(2);
  });

  it('a failed create stores nothing: its retry is answered afresh', async () => {
    const bad = { ...validCampaign, name: '' };
    expect((await create(alice, bad, 'key-failed')).status).toBe(422);
    const again = await create(alice, bad, 'key-failed');
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    const rows = await db.db.select().from(schema.idempotencyKeys).where(eq(schema.idempotencyKeys.key, 'key-failed'));
    expect(rows).toHaveLength(0);
  });

  it('a key left in progress by a request that died is taken over after a minute', async () => {
    const body = { ...validCampaign, name: 'Died mid-request' };
    await db.db.insert(schema.idempotencyKeys).values({ userId: alice.id, key: 'key-died', requestHash: 'x', createdAt: clock.now(), expiresAt: new Date(clock.now().getTime() + 86_400_000) });
    clock.advance(61_000);
    const res = await create(alice, body, 'key-died');
    expect(res.status).toBe(201);
    expect(await campaignsNamed(alice.workspaceId, 'Died mid-request')).toBe(1);
  });

  it('a malformed key is a 400', async () => {
    const res = await create(alice, { ...validCampaign, name: 'Bad key' }, 'x'.repeat(300));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('Idempotency-Key');
  });

  it('lead, blackout and DNC creates honour the key too', async () => {
    const campaign = await create(alice, { ...validCampaign, name: 'For leads' });
    const id = campaign.body.id;
    const lead = { name: 'Grace', phone: '+14155550111' };
    const addLead = () => call(addLeadRoute, { path: `/api/campaigns/${id}/leads`, method: 'POST', token: alice.token, params: { id }, body: lead, headers: { 'Idempotency-Key': 'lead-1' } });
    const [l1, l2] = [await addLead(), await addLead()];
    expect([l1.status, l2.status]).toEqual([201, 201]);
    expect(l2.body.id).toBe(l1.body.id);
    expect(leadResponse.strict().safeParse(l1.body).error).toBeUndefined();

    const blackout = { region: 'US', startsAt: '2026-07-04T00:00:00Z', endsAt: '2026-07-05T00:00:00Z', reason: 'Holiday' };
    const addBlackout = () => call(blackoutRoute, { path: '/api/compliance/blackouts', method: 'POST', token: alice.token, body: blackout, headers: { 'Idempotency-Key': 'blackout-1' } });
    const [b1, b2] = [await addBlackout(), await addBlackout()];
    expect(b1.status).toBe(201);
    expect(b1.headers.get('location')).toBe(`/api/compliance/blackouts/${b1.body.id}`);
    expect(b2.body).toEqual(b1.body);
    expect(blackoutResponse.strict().safeParse(b1.body).error).toBeUndefined();

    const addDnc = () => call(dncRoute, { path: '/api/dnc', method: 'POST', token: alice.token, body: { phone: '+14155550199' }, headers: { 'Idempotency-Key': 'dnc-1' } });
    const [d1, d2] = [await addDnc(), await addDnc()];
    expect(d1.body.added).toBe(true);
    // Without the key the second add would say added: false.
    expect(d2.body).toEqual(d1.body);
    expect(dncAddResponse.strict().safeParse(d1.body).error).toBeUndefined();
  });
});

describe('Location and the canonical lead create', () => {
  it('POST /api/campaigns answers 201 with the campaign URL in Location', async () => {
    const res = await create(alice, { ...validCampaign, name: 'Located' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/campaigns/${res.body.id}`);
    // The answer is what the OpenAPI document says it is.
    expect(campaignResponse.strict().safeParse(res.body).error).toBeUndefined();
  });

  it('POST /leads and its /leads/add alias add one lead each, 201 with Location', async () => {
    const { body: campaign } = await create(alice, { ...validCampaign, name: 'Two ways' });
    const params = { id: campaign.id };
    const one = await call(addLeadRoute, { path: `/api/campaigns/${campaign.id}/leads`, method: 'POST', token: alice.token, params, body: { name: 'One', phone: '+14155550121' } });
    const two = await call(addLeadAliasRoute, { path: `/api/campaigns/${campaign.id}/leads/add`, method: 'POST', token: alice.token, params, body: { name: 'Two', phone: '+14155550122' } });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.headers.get('location')).toBe(`/api/campaigns/${campaign.id}/leads/${one.body.id}`);
    expect(two.headers.get('location')).toBe(`/api/campaigns/${campaign.id}/leads/${two.body.id}`);
    const dup = await call(addLeadRoute, { path: `/api/campaigns/${campaign.id}/leads`, method: 'POST', token: alice.token, params, body: { name: 'Again', phone: '+14155550121' } });
    expect(dup.status).toBe(409);
  });
});

describe('campaign cloning', () => {
  it('copies the settings into a new draft named "(copy)", without leads or calls', async () => {
    const source = await create(alice, { ...validCampaign, name: 'Original run', maxConcurrentCalls: 7, minQualificationScore: 55, agentName: 'Sam' });
    const id = source.body.id;
    await db.db.insert(schema.leads).values({ campaignId: id, name: 'Lead', phone: '+14155550130' });
    await db.db.update(schema.campaigns).set({ status: 'active', spent: 3 }).where(eq(schema.campaigns.id, id));

    const clone = await call(cloneRoute, { path: `/api/campaigns/${id}/clone`, method: 'POST', token: alice.token, params: { id } });
    expect(clone.status).toBe(201);
    expect(clone.headers.get('location')).toBe(`/api/campaigns/${clone.body.id}`);
    expect(clone.body).toMatchObject({ name: 'Original run (copy)', status: 'draft', maxConcurrentCalls: 7, minQualificationScore: 55, agentName: 'Sam', spent: 0 });
    expect(clone.body.callWindows).toEqual(source.body.callWindows);
    const [{ n }] = await db.db.select({ n: count() }).from(schema.leads).where(eq(schema.leads.campaignId, clone.body.id));
    expect(n).toBe(0);
    const read = await call(getCampaignRoute, { path: `/api/campaigns/${clone.body.id}`, token: alice.token, params: { id: clone.body.id } });
    expect(read.body.progress).toMatchObject({ called: 0 });
  });

  it("another user's campaign cannot be cloned (404)", async () => {
    const source = await create(alice, { ...validCampaign, name: 'Private' });
    const res = await call(cloneRoute, { path: `/api/campaigns/${source.body.id}/clone`, method: 'POST', token: bob.token, params: { id: source.body.id } });
    expect(res.status).toBe(404);
    const bobs = await call(listCampaignsRoute, { path: '/api/campaigns?pageSize=200', token: bob.token });
    expect(bobs.body.items.map((c: { name: string }) => c.name)).not.toContain('Private (copy)');
  });
});

describe('leads export and the import template', () => {
  it('streams every lead as CSV with the importer headers, CRM fields as columns, formulas escaped', async () => {
    const { body: campaign } = await create(alice, { ...validCampaign, name: 'Export me' });
    await db.db.insert(schema.leads).values(
      Array.from({ length: 5 }, (_, i) => ({ campaignId: campaign.id, name: i === 0 ? '=cmd()' : `Lead ${i}`, phone: `+1415555014${i}`, context: sealLeadContext({ external_id: `CRM-${i}`, ...(i === 1 ? { tier: 'gold' } : {}) }) })),
    );
    const res = await call(leadsExportRoute, { path: `/api/campaigns/${campaign.id}/leads/export`, token: alice.token, params: { id: campaign.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toContain('leads-export-me.csv');
    const lines = (res.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    const headers = lines[0].split(',');
    expect(headers.slice(0, 11)).toEqual(['name', 'phone', 'company', 'email', 'timezone', 'state', 'consent_at', 'consent_source', 'consent_text', 'external_id', 'tier']);
    expect(res.body).toContain("'=cmd()");
    expect(res.body).not.toMatch(/(^|,)=cmd/m);
    expect(res.body).toContain('CRM-3');
    // The export is importable: its headers feed the same fields again.
    expect(resolveColumns(headers).errors).toEqual({});
    const other = await call(leadsExportRoute, { path: `/api/campaigns/${campaign.id}/leads/export`, token: bob.token, params: { id: campaign.id } });
    expect(other.status).toBe(404);
  });

  it('the template downloads with the columns the importer reads', async () => {
    const res = await call(templateRoute, { path: '/api/campaigns/leads/template', token: alice.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('lead-template.csv');
    expect((res.body as string).split('\r\n')[0]).toBe(leadTemplateColumns.map((c) => c.header).join(','));
    expect((await call(templateRoute, { path: '/api/campaigns/leads/template' })).status).toBe(401);
  });
});
