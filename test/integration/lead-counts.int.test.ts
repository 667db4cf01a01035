// The per-campaign lead counters (campaign_lead_counts, kept by triggers on leads) against a recount of the rows,
// and what reads them: the campaign cards, /progress and the executor's tick.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as authPost } from '@/app/api/auth/[...all]/route';
import { GET as listRoute } from '@/app/api/campaigns/route';
import { DELETE as deleteRoute } from '@/app/api/campaigns/[id]/route';
import { GET as progressRoute } from '@/app/api/campaigns/[id]/progress/route';
import { rowsOf, schema } from '@/db';
import { readLeadCounts } from '@/lib/services/campaigns';
import { demoUser, seedDemoData } from '@/lib/services/demo';
import { claimLeads, releaseClaim } from '@/lib/services/engine';
import { BASE, call, signUp, insertCampaign, insertLeads, insertUser, apiFixtures } from '@/test/fixtures';

const { db } = apiFixtures();

/** The counters as the old per-status recount read them from the rows (called = a lead with any call). */
async function recount(): Promise<Record<string, Record<string, number>>> {
  const rows = rowsOf<Record<string, number | string>>(
    await db.db.execute(sql`
      select campaign_id,
        count(*)::int as total,
        count(*) filter (where status = 'pending')::int as pending,
        count(*) filter (where status = 'calling')::int as calling,
        count(*) filter (where status = 'retry_scheduled')::int as "retryScheduled",
        count(*) filter (where status = 'completed')::int as completed,
        count(*) filter (where status = 'exhausted')::int as exhausted,
        count(*) filter (where status = 'do_not_call')::int as "doNotCall",
        count(*) filter (where status = 'needs_consent')::int as "needsConsent",
        count(*) filter (where exists (select 1 from campaign_calls c where c.lead_id = leads.id))::int as called,
        count(*) filter (where last_outcome = 'qualified')::int as qualified
      from leads group by campaign_id`),
  );
  return Object.fromEntries(rows.map(({ campaign_id, ...counts }) => [String(campaign_id), counts as Record<string, number>]));
}

async function stored(): Promise<Record<string, Record<string, number>>> {
  const rows = await db.db.select().from(schema.campaignLeadCounts);
  // A campaign whose leads are all gone keeps a row of zeros; the recount has no row for it.
  return Object.fromEntries(rows.filter((r) => r.total !== 0 || Object.values(r).some((v) => typeof v === 'number' && v !== 0)).map(({ campaignId, ...counts }) => [campaignId, counts]));
}

describe('lead counters', () => {
  it('equal a recount after inserts, status changes, claims, releases, deletes and a campaign delete', async () => {
    const owner = await insertUser(db.db);
    const a = await insertCampaign(db.db, owner);
    const b = await insertCampaign(db.db, owner);
    const c = await insertCampaign(db.db, owner);
    const aLeads = await insertLeads(db.db, a.id, 300);
    const bLeads = await insertLeads(db.db, b.id, 120, 1000);
    await insertLeads(db.db, c.id, 80, 2000);
    expect(await stored()).toEqual(await recount());

    // Claims (pending → calling, attempts + 1, a call row), within the campaign's window (Tuesday 11:00 New York).
    const now = new Date('2026-12-01T16:00:00Z');
    const claimA = await claimLeads(db.db, { campaignId: a.id, now, want: 20 });
    const claimB = await claimLeads(db.db, { campaignId: b.id, now, want: 10 });
    expect(claimA.claimed.length).toBeGreaterThan(0);
    expect(claimB.claimed.length).toBeGreaterThan(0);
    // A claim given back (calling → pending, attempts − 1, the call row deleted).
    for (const claimed of claimA.claimed.slice(0, 3)) expect(await releaseClaim(db.db, { callId: claimed.callId, now })).toBe(true);

    // Settled outcomes, one statement over several leads, and a status change with no counted column changed.
    const calledA = claimA.claimed.slice(3).map((x) => x.lead.id);
    await db.db.update(schema.leads).set({ status: 'completed', lastOutcome: 'qualified' }).where(inArray(schema.leads.id, calledA.slice(0, 5)));
    await db.db.update(schema.leads).set({ status: 'retry_scheduled', lastOutcome: 'no_answer' }).where(inArray(schema.leads.id, calledA.slice(5, 10)));
    await db.db.update(schema.leads).set({ status: 'exhausted', lastOutcome: 'qualified' }).where(inArray(schema.leads.id, calledA.slice(10)));
    await db.db.update(schema.leads).set({ lastOutcome: 'not_interested' }).where(inArray(schema.leads.id, calledA.slice(0, 2)));
    await db.db.update(schema.leads).set({ nextRetryAt: now }).where(eq(schema.leads.campaignId, a.id));
    await db.db.update(schema.leads).set({ status: 'needs_consent' }).where(inArray(schema.leads.id, aLeads.slice(200, 230).map((l) => l.id)));
    // One statement across two campaigns (the DNC list marks an owner's open leads in every campaign).
    await db.db
      .update(schema.leads)
      .set({ status: 'do_not_call' })
      .where(and(inArray(schema.leads.campaignId, [a.id, b.id]), inArray(schema.leads.status, ['pending']), sql`right(${schema.leads.phone}, 1) = '7'`));
    // Deletes: some leads, and every lead of a campaign that stays.
    await db.db.delete(schema.leads).where(inArray(schema.leads.id, [...aLeads.slice(250, 260), ...bLeads.slice(100, 120)].map((l) => l.id)));
    await db.db.delete(schema.leads).where(eq(schema.leads.campaignId, c.id));
    // In one transaction with its rollback: nothing counted.
    await expect(
      db.db.transaction(async (tx) => {
        await tx.delete(schema.leads).where(eq(schema.leads.campaignId, b.id));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(await stored()).toEqual(await recount());
    expect(await readLeadCounts(db.db, c.id)).toMatchObject({ total: 0, pending: 0 });

    // A campaign deleted through the API takes its leads and its counters with it.
    await db.db.update(schema.campaigns).set({ status: 'draft' }).where(eq(schema.campaigns.id, b.id));
    const user = await signUp('Counter owner');
    await db.db.update(schema.campaigns).set({ workspaceId: user.workspaceId }).where(eq(schema.campaigns.id, b.id));
    await db.db.update(schema.campaignCalls).set({ status: 'completed', outcome: 'no_answer' }).where(eq(schema.campaignCalls.campaignId, b.id));
    const deleted = await call(deleteRoute, { path: `/api/campaigns/${b.id}`, method: 'DELETE', token: user.token, params: { id: b.id } });
    expect(deleted.status).toBeLessThan(300);
    expect(await db.db.select().from(schema.campaignLeadCounts).where(eq(schema.campaignLeadCounts.campaignId, b.id))).toEqual([]);
    expect(await stored()).toEqual(await recount());
  });

  it("a draft demo campaign's card shows its 50 leads as remaining, as /progress does", async () => {
    await seedDemoData(db.db, { now: new Date() });
    const res = await authPost(
      new Request(`${BASE}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoUser.email, password: demoUser.password }) }),
    );
    const token = res.headers.get('set-auth-token')!;
    const list = await call(listRoute, { path: '/api/campaigns', token });
    expect(list.status).toBe(200);
    const [campaign] = list.body.items;
    expect(campaign.status).toBe('draft');
    expect(campaign.progress).toEqual({ percent: 0, called: 0, successful: 0, remaining: 50 });
    const progress = await call(progressRoute, { path: `/api/campaigns/${campaign.id}/progress`, token, params: { id: campaign.id } });
    expect(progress.body).toMatchObject({ totalLeads: 50, remaining: 50, called: 0 });
  });
});
