// Calls, progress, analytics and export over real rows made by the real engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as analyticsRoute } from '@/app/api/campaigns/[id]/analytics/route';
import { GET as callsRoute } from '@/app/api/campaigns/[id]/calls/route';
import { GET as exportRoute } from '@/app/api/campaigns/[id]/calls/export/route';
import { GET as progressRoute } from '@/app/api/campaigns/[id]/progress/route';
import { GET as callRoute } from '@/app/api/calls/[id]/route';
import { schema } from '@/db';
import { callDetailResponse, callPage, campaignAnalyticsResponse, campaignProgressResponse } from '@/lib/api/responses';
import { ManualClock, setAppClock } from '@/lib/clock';
import { dialsSettled, processActiveCampaigns } from '@/lib/services/engine';
import { InProcessTelephony, type Scenario } from '@/test/in-process-telephony';
import { call, type TestUser, qualifiedTranscript, unqualifiedTranscript, leadConsent, createCampaign, apiFixtures } from '@/test/fixtures';
import { eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { sealLeadContext } from '@/lib/services/leads/lead-context';

let campaignId: string;
const clock = new ManualClock('2026-06-17T15:00:00Z'); // Wednesday 11:00 in New York

// Lead i: 0–1 qualified, 2 unqualified, 3–4 no answer, 5 busy.
const scenarios: Scenario[] = [
  { kind: 'answered', transcript: qualifiedTranscript, durationSeconds: 150 },
  { kind: 'answered', transcript: qualifiedTranscript, durationSeconds: 90 },
  { kind: 'answered', transcript: unqualifiedTranscript, durationSeconds: 60 },
  { kind: 'no_answer' },
  { kind: 'no_answer' },
  { kind: 'busy' },
];

// Set first, so the users sign up on the test's clock.
beforeAll(() => setAppClock(clock));
const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');
beforeAll(async () => {
  campaignId = await createCampaign(alice, {
    costPerMinute: 0.1,
    maxConcurrentCalls: 10,
    qualificationCriteria: [
      { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 60 },
      { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 40 },
    ],
  });
  const leads = await db.db
    .insert(schema.leads)
    .values(scenarios.map((_, i) => ({ campaignId, name: i === 0 ? '=HYPERLINK("http://evil")' : `Lead ${i}`, phone: `+1212555${3000 + i}`, timezone: 'America/New_York', context: sealLeadContext({ external_id: `CRM-${i}` }), ...leadConsent })))
    .returning();
  await db.db.update(schema.campaigns).set({ status: 'active' }).where(eq(schema.campaigns.id, campaignId));
  const byLead = new Map(leads.map((l, i) => [l.id, scenarios[i]]));
  const telephony = new InProcessTelephony((c) => byLead.get(c.lead.id)!, () => clock.now());
  await processActiveCampaigns({ db: db.db, telephony, clock: () => clock.now() });
  await dialsSettled();
  await telephony.deliver(db.db);
});
afterAll(async () => {
  setAppClock(undefined);
});

const get = (handler: Parameters<typeof call>[0], path: string, user: TestUser, params: Record<string, string> = { id: campaignId }) => call(handler, { path, token: user.token, params });

describe('calls, progress, analytics and export', () => {
  it('lists calls newest first, filtered by status and outcome', async () => {
    const all = await get(callsRoute, `/api/campaigns/${campaignId}/calls?page=1`, alice);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    // By cursor (the default): the total from the call rollups, and the pages join up to the same calls in the same order.
    const first = await get(callsRoute, `/api/campaigns/${campaignId}/calls?limit=4`, alice);
    expect(first.body).toMatchObject({ total: 6, pageSize: 4 });
    const rest = await get(callsRoute, `/api/campaigns/${campaignId}/calls?limit=4&cursor=${first.body.nextCursor}`, alice);
    expect(rest.body.nextCursor).toBeNull();
    expect([...first.body.items, ...rest.body.items].map((x: { id: string }) => x.id)).toEqual(all.body.items.map((x: { id: string }) => x.id));
    expect(callPage.safeParse(all.body).error).toBeUndefined();
    // A cursor page answers no page number: the documented schema says so too.
    expect(callPage.safeParse(first.body).error).toBeUndefined();
    expect(callPage.safeParse(rest.body).error).toBeUndefined();
    const qualified = await get(callsRoute, `/api/campaigns/${campaignId}/calls?outcome=qualified`, alice);
    expect(qualified.body.items).toHaveLength(2);
    const busy = await get(callsRoute, `/api/campaigns/${campaignId}/calls?status=busy&page=1&pageSize=1`, alice);
    expect(busy.body).toMatchObject({ total: 1, pageSize: 1 });
    const bad = await get(callsRoute, `/api/campaigns/${campaignId}/calls?status=ringing`, alice);
    expect(bad.status).toBe(400);
  });

  it('shows one call with its transcript and score breakdown', async () => {
    const list = await get(callsRoute, `/api/campaigns/${campaignId}/calls?outcome=qualified`, alice);
    const id = list.body.items[0].id;
    const detail = await get(callRoute, `/api/calls/${id}`, alice, { id });
    expect(detail.status).toBe(200);
    expect(detail.body.transcript[0].speaker).toBe('agent');
    expect(callDetailResponse.safeParse(detail.body).error).toBeUndefined();
    expect(detail.body.score).toBe(100);
    expect(detail.body.qualification.perCriterion.map((c: { met: boolean }) => c.met)).toEqual([true, true]);
    expect(detail.body.qualification.nextAction).toBe('schedule_demo');
  });

  it('counts outcomes, connects, scores, hours, funnel and cost per qualified lead', async () => {
    const res = await get(analyticsRoute, `/api/campaigns/${campaignId}/analytics`, alice);
    expect(res.status).toBe(200);
    const a = res.body;
    expect(campaignAnalyticsResponse.safeParse(a).error).toBeUndefined();
    expect(a.byOutcome).toEqual({ qualified: 2, unqualified: 1, no_answer: 2, busy: 1 });
    expect(a.totalCalls).toBe(6);
    expect(a.connected).toBe(3);
    expect(a.connectRate).toBeCloseTo(0.5);
    expect(a.averageDurationSeconds).toBe(100);
    expect(a.funnel).toEqual({ leads: 6, called: 6, connected: 3, qualified: 2, needsConsent: 0 });
    // 3 + 2 + 1 billable minutes at 0.10
    expect(a.totalCost).toBeCloseTo(0.6);
    expect(a.costPerQualifiedLead).toBeCloseTo(0.3);
    expect(a.callsPerHour.find((h: { hour: number }) => h.hour === 11)).toEqual({ hour: 11, calls: 6, connects: 3 });
    expect(a.scoreDistribution.find((b: { bucket: string }) => b.bucket === '90-100').count).toBe(2);
  });

  it('reports exact progress', async () => {
    const res = await get(progressRoute, `/api/campaigns/${campaignId}/progress`, alice);
    expect(res.body).toMatchObject({ totalLeads: 6, called: 6, successful: 2, remaining: 3, inFlight: 0 });
    expect(campaignProgressResponse.safeParse(res.body).error).toBeUndefined();
  });

  it('exports calls as CSV with formula cells escaped', async () => {
    const res = await get(exportRoute, `/api/campaigns/${campaignId}/calls/export`, alice);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (res.body as string).trim().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(res.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('exports each call with its criteria answers, score, next action, notes, recording link and CRM fields', async () => {
    const res = await get(exportRoute, `/api/campaigns/${campaignId}/calls/export`, alice);
    const [columns, ...rows] = parse(res.body as string) as string[][];
    expect(columns).toEqual(expect.arrayContaining(['score', 'nextAction', 'notes', 'recordingUrl', 'criteria.budget', 'criteria.decision_maker', 'external_id']));
    const at = (row: string[], name: string) => row[columns.indexOf(name)];
    const qualified = rows.filter((r) => at(r, 'outcome') === 'qualified');
    expect(qualified).toHaveLength(2);
    for (const row of qualified) {
      expect(at(row, 'score')).toBe('100');
      expect(at(row, 'nextAction')).toBe('schedule_demo');
      expect(at(row, 'criteria.decision_maker')).toBe('true');
      expect(Number(at(row, 'criteria.budget'))).toBeGreaterThanOrEqual(10000);
      expect(at(row, 'external_id')).toMatch(/^CRM-[01]$/);
      expect(at(row, 'notes')).not.toBe('');
    }
  });

  it('answers 404 to another user for every call and campaign view', async () => {
    const list = await get(callsRoute, `/api/campaigns/${campaignId}/calls`, alice);
    const id = list.body.items[0].id;
    expect((await get(callsRoute, `/api/campaigns/${campaignId}/calls`, bob)).status).toBe(404);
    expect((await get(callRoute, `/api/calls/${id}`, bob, { id })).status).toBe(404);
    expect((await get(analyticsRoute, `/api/campaigns/${campaignId}/analytics`, bob)).status).toBe(404);
    expect((await get(progressRoute, `/api/campaigns/${campaignId}/progress`, bob)).status).toBe(404);
    expect((await get(exportRoute, `/api/campaigns/${campaignId}/calls/export`, bob)).status).toBe(404);
  });
});
