// The compliance limits are the workspace's, not a user's: two members' campaigns in one workspace share the
// one-call-at-a-time rule, the 24 h caps and the DNC list; another workspace's calls do not count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { schema } from '@/db';
import { POST as addMember } from '@/app/api/team/members/route';
import { POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { POST as addLeadRoute } from '@/app/api/campaigns/[id]/leads/add/route';
import { POST as addDnc } from '@/app/api/dnc/route';
import { claimLeads } from '@/lib/services/engine';
import { call, signUp, validCampaign, type TestUser } from '@/test/api';
import { useTestDb, type TestDb } from '@/test/db';
import { leadConsent } from '@/test/engine-fixtures';

let db: TestDb;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeAll(async () => {
  db = await useTestDb();
  alice = await signUp('Alice');
  bob = await signUp('Bob');
  carol = await signUp('Carol');
  // Bob manages campaigns in Alice's workspace; Carol stays in her own.
  const added = await call(addMember, { path: '/api/team/members', method: 'POST', token: alice.token, body: { email: bob.email, role: 'manager' } });
  expect(added.status).toBe(201);
});
afterAll(async () => db.drop());

const allDay = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startHour: 0, endHour: 24 }));

async function campaignOf(user: TestUser, workspaceId: string, phones: string[]) {
  const headers = { 'x-workspace-id': workspaceId };
  const res = await call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', token: user.token, headers, body: { ...validCampaign, name: `${user.email}'s`, callWindows: allDay, maxConcurrentCalls: 50, consentBasis: 'informational' } });
  expect(res.status).toBe(201);
  for (const phone of phones) {
    const lead = await call(addLeadRoute, { path: `/api/campaigns/${res.body.id}/leads/add`, method: 'POST', token: user.token, headers, params: { id: res.body.id }, body: { name: 'Lead', phone, consentAt: leadConsent.consentAt.toISOString(), consentSource: leadConsent.consentSource } });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
  }
  await db.db.update(schema.campaigns).set({ status: 'active' }).where(inArray(schema.campaigns.id, [res.body.id]));
  return res.body.id as string;
}

describe('limits are workspace-wide', () => {
  it("two members' campaigns in one workspace never put two calls in flight to one number; another workspace's calls do not count", async () => {
    const numbers = ['+12125550601', '+12125550602', '+12125550603'];
    const ofAlice = await campaignOf(alice, alice.workspaceId, numbers);
    const ofBob = await campaignOf(bob, alice.workspaceId, numbers);
    const ofCarol = await campaignOf(carol, carol.workspaceId, numbers);
    const [stored] = await db.db.select({ workspaceId: schema.campaigns.workspaceId, createdBy: schema.campaigns.createdBy }).from(schema.campaigns).where(inArray(schema.campaigns.id, [ofBob]));
    expect(stored).toEqual({ workspaceId: alice.workspaceId, createdBy: bob.id });

    const now = new Date('2026-06-17T16:00:00Z'); // Wednesday noon in New York
    const first = await claimLeads(db.db, { campaignId: ofAlice, now, want: 10 });
    const second = await claimLeads(db.db, { campaignId: ofBob, now, want: 10 });
    const third = await claimLeads(db.db, { campaignId: ofCarol, now, want: 10 });
    expect(first.claimed).toHaveLength(3);
    // Every number is already in flight from Alice's campaign, in the same workspace.
    expect(second.claimed).toHaveLength(0);
    // Carol's workspace is another: her calls are hers alone.
    expect(third.claimed).toHaveLength(3);
  });

  it("a number put on the DNC list by one member is refused in every campaign of the workspace, and only there", async () => {
    const phone = '+12125550611';
    const ofAlice = await campaignOf(alice, alice.workspaceId, [phone]);
    const ofCarol = await campaignOf(carol, carol.workspaceId, [phone]);
    const listed = await call(addDnc, { path: '/api/dnc', method: 'POST', token: bob.token, headers: { 'x-workspace-id': alice.workspaceId }, body: { phone } });
    expect(listed.status).toBe(200);
    expect(listed.body.leadsMarked).toBe(1);
    const now = new Date('2026-06-17T16:00:00Z');
    expect((await claimLeads(db.db, { campaignId: ofAlice, now, want: 5 })).claimed).toHaveLength(0);
    expect((await claimLeads(db.db, { campaignId: ofCarol, now, want: 5 })).claimed).toHaveLength(1);
  });
});
