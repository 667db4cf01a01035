// The compliance limits are the workspace's, not a user's: two members' campaigns in one workspace share the
// one-call-at-a-time rule, the 24 h caps and the DNC list; another workspace's calls do not count.
import { beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { schema } from '@/db';
import { POST as addDnc } from '@/app/api/dnc/route';
import { claimLeads } from '@/lib/services/engine';
import { call, type TestUser, addMembers, leadConsentBody, addLead, createCampaign, apiFixtures } from '@/test/fixtures';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

const { db, users: [alice, bob, carol] } = apiFixtures('Alice', 'Bob', 'Carol');
beforeAll(async () => {
  // Bob manages campaigns in Alice's workspace; Carol stays in her own.
  await addMembers(alice, [[bob, 'manager']]);
});

const allDay = everyHourOfEveryDay;

async function campaignOf(user: TestUser, workspaceId: string, phones: string[]) {
  const id = await createCampaign(user, { name: `${user.email}'s`, callWindows: allDay, maxConcurrentCalls: 50, consentBasis: 'informational' }, { workspaceId });
  for (const phone of phones) await addLead(user, id, { phone, ...leadConsentBody }, { workspaceId });
  await db.db.update(schema.campaigns).set({ status: 'active' }).where(inArray(schema.campaigns.id, [id]));
  return id;
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
