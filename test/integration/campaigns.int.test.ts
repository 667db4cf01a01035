import { describe, expect, it } from 'vitest';
import { GET as listRoute, POST as createRoute } from '@/app/api/campaigns/route';
import { DELETE as deleteRoute, GET as getRoute, PUT as putRoute } from '@/app/api/campaigns/[id]/route';
import { schema } from '@/db';
import { call, createCampaignAnswer, campaignAction, insertLead, validCampaign, apiFixtures } from '@/test/fixtures';
import { eq } from 'drizzle-orm';

const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');

describe('campaign API', () => {
  it('rejects requests without a session or token', async () => {
    const res = await call(listRoute, { path: '/api/campaigns' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('creates a campaign with defaults and returns it flattened', async () => {
    const c = await createCampaignAnswer(alice);
    expect(c).toMatchObject({ name: 'Spring outreach', status: 'draft', timezone: 'America/New_York', maxConcurrentCalls: 5, minQualificationScore: 70 });
    expect(c.callWindows).toHaveLength(5);
    expect(c.progress).toEqual({ percent: 0, called: 0, successful: 0, remaining: 0 });
  });

  it.each([
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ callWindows: [{ dayOfWeek: 7, startHour: 9, endHour: 17 }] }, 'callWindows.0.dayOfWeek'],
    [{ callWindows: [{ dayOfWeek: 1, startHour: 17, endHour: 9 }] }, 'callWindows.0.endHour'],
    [{ callWindows: [] }, 'callWindows'],
    [{ maxCallsPerDay: 0 }, 'maxCallsPerDay'],
    [{ maxCallsPerLead: 'three' }, 'maxCallsPerLead'],
    [{ name: '' }, 'name'],
    [{ qualificationCriteria: [{ field: 'budget', type: 'number', operator: '>=', value: 'lots', weight: 10 }] }, 'qualificationCriteria.0.value'],
    [{ callerId: '12' }, 'callerId'],
  ])('rejects %j naming the field %s', async (overrides, field) => {
    const res = await call(createRoute, { path: '/api/campaigns', method: 'POST', token: alice.token, body: { ...validCampaign, ...overrides } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const res = await call(createRoute, { path: '/api/campaigns', method: 'POST', token: alice.token, body: '{not json', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });

  it('lists only the user’s campaigns, paginated and filtered by status', async () => {
    const mine = await createCampaignAnswer(bob, { name: 'B1' });
    await createCampaignAnswer(bob, { name: 'B2' });
    await createCampaignAnswer(bob, { name: 'B3' });
    await campaignAction(bob, mine.id, 'stop');
    const page1 = await call(listRoute, { path: '/api/campaigns?page=1&pageSize=2', token: bob.token });
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items).toHaveLength(2);
    const cancelled = await call(listRoute, { path: '/api/campaigns?status=cancelled', token: bob.token });
    expect(cancelled.body.items.map((c: { name: string }) => c.name)).toEqual(['B1']);
    const bad = await call(listRoute, { path: '/api/campaigns?status=sleeping', token: bob.token });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('status');
  });

  it('edits a campaign, validating the merged config', async () => {
    const c = await createCampaignAnswer(alice);
    const ok = await call(putRoute, { path: `/api/campaigns/${c.id}`, method: 'PUT', token: alice.token, params: { id: c.id }, body: { name: 'Renamed', maxCallsPerDay: 50 } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'Renamed', maxCallsPerDay: 50, timezone: 'America/New_York' });
    const bad = await call(putRoute, { path: `/api/campaigns/${c.id}`, method: 'PUT', token: alice.token, params: { id: c.id }, body: { unknownField: 1 } });
    expect(bad.status).toBe(422);
  });

  it('hides one user’s campaign from another: 404 everywhere', async () => {
    const c = await createCampaignAnswer(alice);
    const id = c.id;
    expect((await call(getRoute, { path: `/api/campaigns/${id}`, token: bob.token, params: { id } })).status).toBe(404);
    expect((await call(putRoute, { path: `/api/campaigns/${id}`, method: 'PUT', token: bob.token, params: { id }, body: { name: 'x' } })).status).toBe(404);
    expect((await call(deleteRoute, { path: `/api/campaigns/${id}`, method: 'DELETE', token: bob.token, params: { id } })).status).toBe(404);
    expect((await campaignAction(bob, id, 'stop')).status).toBe(404);
    expect((await call(getRoute, { path: `/api/campaigns/not-a-uuid`, token: alice.token, params: { id: 'not-a-uuid' } })).status).toBe(404);
    const still = await call(getRoute, { path: `/api/campaigns/${id}`, token: alice.token, params: { id } });
    expect(still.body.status).toBe('draft');
  });
});

describe('campaign lifecycle over the API', () => {
  it('will not start a campaign without callable leads (409) and changes nothing', async () => {
    const c = await createCampaignAnswer(alice);
    const res = await campaignAction(alice, c.id, 'start');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/no leads/i);
    const [row] = await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, c.id));
    expect(row.status).toBe('draft');
  });

  it('does not count a lead on the DNC list as callable', async () => {
    const c = await createCampaignAnswer(alice);
    await insertLead(db.db, c.id, { phone: '+14155550199' });
    await db.db.insert(schema.dncNumbers).values({ workspaceId: alice.workspaceId, phone: '+14155550199' });
    expect((await campaignAction(alice, c.id, 'start')).status).toBe(409);
  });

  it('goes draft → active → paused → active → cancelled, auditing each step', async () => {
    const c = await createCampaignAnswer(alice);
    await insertLead(db.db, c.id);
    for (const [action, status] of [
      ['start', 'active'],
      ['pause', 'paused'],
      ['resume', 'active'],
      ['stop', 'cancelled'],
    ]) {
      const res = await campaignAction(alice, c.id, action);
      expect(res.status, action).toBe(200);
      expect(res.body.status).toBe(status);
    }
    const audit = await db.db.select().from(schema.auditLog).where(eq(schema.auditLog.campaignId, c.id));
    expect(audit.map((a) => a.action)).toEqual(['campaign.created', 'campaign.start', 'campaign.pause', 'campaign.resume', 'campaign.stop']);
  });

  it.each([
    ['draft', 'pause'],
    ['draft', 'resume'],
    ['active', 'start'],
    ['active', 'resume'],
    ['paused', 'pause'],
    ['paused', 'start'],
    ['cancelled', 'start'],
    ['cancelled', 'resume'],
    ['cancelled', 'stop'],
    ['completed', 'stop'],
    ['completed', 'resume'],
  ])('refuses from %s to %s with 409 and changes nothing', async (status, action) => {
    const c = await createCampaignAnswer(alice);
    await insertLead(db.db, c.id);
    await db.db.update(schema.campaigns).set({ status: status as 'draft' }).where(eq(schema.campaigns.id, c.id));
    const res = await campaignAction(alice, c.id, action);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    const [row] = await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, c.id));
    expect(row.status).toBe(status);
  });

  it('answers 404 to an unknown action', async () => {
    const c = await createCampaignAnswer(alice);
    expect((await campaignAction(alice, c.id, 'explode')).status).toBe(404);
  });

  it('refuses to delete an active campaign (409) but deletes a paused one', async () => {
    const c = await createCampaignAnswer(alice);
    await insertLead(db.db, c.id);
    await campaignAction(alice, c.id, 'start');
    const refused = await call(deleteRoute, { path: `/api/campaigns/${c.id}`, method: 'DELETE', token: alice.token, params: { id: c.id } });
    expect(refused.status).toBe(409);
    await campaignAction(alice, c.id, 'pause');
    const ok = await call(deleteRoute, { path: `/api/campaigns/${c.id}`, method: 'DELETE', token: alice.token, params: { id: c.id } });
    expect(ok.status).toBe(200);
    expect((await call(getRoute, { path: `/api/campaigns/${c.id}`, token: alice.token, params: { id: c.id } })).status).toBe(404);
  });
});

describe('clearing optional settings', () => {
  it('removes an optional setting sent as null and keeps the rest', async () => {
    const c = await createCampaignAnswer(alice, { agentName: 'closer-bot', budget: 100 });
    const res = await call(putRoute, { path: `/api/campaigns/${c.id}`, method: 'PUT', token: alice.token, params: { id: c.id }, body: { agentName: null } });
    expect(res.status).toBe(200);
    expect(res.body.agentName).toBeUndefined();
    expect(res.body.budget).toBe(100);
    const bad = await call(putRoute, { path: `/api/campaigns/${c.id}`, method: 'PUT', token: alice.token, params: { id: c.id }, body: { timezone: null } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty('timezone');
  });
});
