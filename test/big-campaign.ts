// One large campaign made with set-based SQL (generate_series), for the query-plan test and bench/dashboard-reads.ts:
// N leads in a realistic status mix (valid NANP numbers: exchanges from 200), M calls spread over the last 30 days (a few in flight), and a do-not-call list.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { campaignConfig } from '@/lib/services/campaigns/config';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

export type BigCampaign = { ownerId: string; workspaceId: string; campaignId: string; now: Date };

export async function seedBigCampaign(
  db: Db,
  { leads, calls, dnc = leads / 10, now = new Date(), ownerId: owner }: { leads: number; calls: number; dnc?: number; now?: Date; ownerId?: string },
): Promise<BigCampaign> {
  const ownerId = owner ?? crypto.randomUUID();
  if (!owner) {
    await db.insert(schema.users).values({ id: ownerId, name: 'Big campaign owner', email: `${ownerId}@example.com` });
    await db.insert(schema.workspaces).values({ id: ownerId, name: 'Big campaign workspace', personalOf: ownerId });
  }
  // The owner's personal workspace (made here with the owner's id, or at the owner's sign-up).
  const [{ id: workspaceId }] = await db.select({ id: schema.workspaces.id }).from(schema.workspaces).where(eq(schema.workspaces.personalOf, ownerId));
  const config = campaignConfig.parse({
    timezone: 'America/New_York',
    callWindows: everyHourOfEveryDay,
    maxCallsPerDay: 1_000_000,
    maxCallsPerLead: 3,
    maxConcurrentCalls: 50,
    consentBasis: 'existing_business_relationship',
  });
  const [campaign] = await db.insert(schema.campaigns).values({ workspaceId, createdBy: ownerId, name: 'Big campaign', config, status: 'active', createdAt: now, updatedAt: now }).returning();
  const nowIso = now.toISOString();
  const called = Math.floor(leads / 20) * 18;
  // Lead g: created g seconds apart, oldest first; a status by g % 20: 2 pending, 4 retrying (half after a
  // no-answer), 10 completed (1 of them qualified), 2 exhausted, 2 on the DNC list.
  await db.execute(sql`
    insert into leads (campaign_id, name, company, phone, timezone, status, call_attempts, last_called_at, next_retry_at, last_outcome, created_at, updated_at)
    select ${campaign.id}::uuid, 'Lead ' || g, 'Company ' || (g % 500), '+1212' || (2000000 + g)::text, 'America/New_York',
      (case when g % 20 < 2 then 'pending' when g % 20 < 6 then 'retry_scheduled' when g % 20 < 16 then 'completed' when g % 20 < 18 then 'exhausted' else 'do_not_call' end)::lead_status,
      case when g % 20 < 2 then 0 else 2 end,
      case when g % 20 < 2 then null else ${nowIso}::timestamptz - (g % 720) * interval '1 hour' end,
      case when g % 20 between 2 and 5 then ${nowIso}::timestamptz + ((g % 97) - 48) * interval '1 hour' end,
      case when g % 20 < 2 then null when g % 20 < 4 then 'no_answer' when g % 20 < 6 then 'busy' when g % 20 = 6 then 'qualified' when g % 20 < 16 then 'not_interested' else 'no_answer' end,
      ${nowIso}::timestamptz - interval '40 days' + g * interval '1 second', ${nowIso}::timestamptz
    from generate_series(1, ${leads}) g`);
  // The calls' insert joins the leads: its plan needs their statistics (bench/dashboard-reads.ts loads without indexes).
  await db.execute(sql`analyze leads`);
  // Calls go to the leads called before (never a pending one): the k-th of them is lead 20 * (k / 18) + 2 + k % 18,
  // at attempt 1, then 2 (calls ≤ 1.8 × leads; every called lead has call_attempts 2, so a claim's next attempt is the 3rd); claimed over
  // the last 30 days, the newest 5 in flight.
  await db.execute(sql`
    insert into campaign_calls (campaign_id, lead_id, attempt_number, status, outcome, phone, claimed_at, dialed_at, ended_at, duration_seconds, cost, created_at, updated_at)
    select ${campaign.id}::uuid, l.id, 1 + (g - 1) / ${called}, (case when g > ${calls} - 5 then 'calling' when g % 3 = 0 then 'completed' else 'no_answer' end)::call_status,
      case when g > ${calls} - 5 then null when g % 3 = 0 then (case when g % 9 = 0 then 'qualified' else 'not_interested' end) else 'no_answer' end,
      l.phone, at, at, at + interval '2 minutes', case when g % 3 = 0 then 120 end, case when g % 3 = 0 then 0.1 end, at, at
    from generate_series(1, ${calls}) g
    cross join lateral (select ${nowIso}::timestamptz - interval '30 days' + (g::float8 / ${calls}) * interval '30 days' as at) t
    cross join lateral (select (g - 1) % ${called} as k) c
    join leads l on l.campaign_id = ${campaign.id}::uuid and l.phone = '+1212' || (2000000 + 20 * (c.k / 18) + 2 + c.k % 18)::text`);
  await db.execute(sql`
    insert into dnc_numbers (workspace_id, phone, source, created_at)
    select ${workspaceId}::uuid, '+1313' || (2000000 + g)::text, 'import', ${nowIso}::timestamptz from generate_series(1, ${Math.round(dnc)}) g`);
  await db.execute(sql`analyze campaign_calls`);
  await db.execute(sql`analyze dnc_numbers`);
  return { ownerId, workspaceId, campaignId: campaign.id, now };
}
