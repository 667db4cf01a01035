// The campaign compliance report and evidence export through the real route handlers: calls carry evidence
// built by complianceEvidence (as the claim writes it), one of them altered to describe an unlawful call.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as reportRoute } from '@/app/api/campaigns/[id]/compliance/route';
import { GET as exportRoute } from '@/app/api/campaigns/[id]/compliance/export/route';
import { schema } from '@/db';
import { complianceCampaignOf, complianceEvidence, decideForLead, loadWorkspaceComplianceContext, EVIDENCE_CSV_HEADERS, type ComplianceEvidence } from '@/lib/services/compliance';
import { callEvidencePages } from '@/lib/services/compliance/call-evidence-pages';
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import { call, type TestUser, createCampaign, apiFixtures } from '@/test/fixtures';
import { eq } from 'drizzle-orm';

const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');
let campaignId: string;
let config: CampaignConfig;
const at = new Date('2026-06-17T15:00:00Z'); // Wednesday 11:00 in New York and Miami
const calls: Record<string, string> = {};

async function newCampaign(body: Record<string, unknown> = {}) {
  const id = await createCampaign(alice, { recordCalls: true, ...body });
  const [row] = await db.db.select({ config: schema.campaigns.config }).from(schema.campaigns).where(eq(schema.campaigns.id, id));
  return { id, config: row.config };
}

/** A lead and one call to it, with the evidence the claim would write (altered by `tamper`, or none). */
async function placeCall(target: { id: string; config: CampaignConfig }, lead: { name: string; phone: string; state?: string; consentText?: string }, evidence: 'lawful' | 'none' | ((ev: ComplianceEvidence) => ComplianceEvidence)) {
  const [row] = await db.db
    .insert(schema.leads)
    .values({ campaignId: target.id, name: lead.name, phone: lead.phone, state: lead.state ?? null, consentAt: new Date('2026-06-01T10:00:00Z'), consentSource: 'web form', consentText: lead.consentText ?? 'I agree to be called' })
    .returning();
  const campaign = complianceCampaignOf(target.config);
  const ctx = await loadWorkspaceComplianceContext(db.db, { workspaceId: alice.workspaceId, phones: [row.phone], now: at });
  const decision = decideForLead(ctx, row, campaign, at);
  expect(decision.allowed).toBe(true);
  const lawful = complianceEvidence(ctx, row, campaign, decision, at);
  const compliance = evidence === 'none' ? null : evidence === 'lawful' ? lawful : evidence(structuredClone(lawful));
  const [c] = await db.db
    .insert(schema.campaignCalls)
    .values({ campaignId: target.id, leadId: row.id, attemptNumber: 1, status: 'completed', phone: row.phone, claimedAt: at, compliance })
    .returning({ id: schema.campaignCalls.id });
  return c.id;
}

beforeAll(async () => {
  ({ id: campaignId, config } = await newCampaign());
  calls.lawful = await placeCall({ id: campaignId, config }, { name: 'Lawful', phone: '+12125550201', consentText: '=HYPERLINK("http://evil", "x")' }, 'lawful');
  // The same evidence, but the instant moved to 03:00 in New York: outside the federal hours and the campaign window.
  calls.night = await placeCall({ id: campaignId, config }, { name: 'Night', phone: '+12125550202' }, (ev) => ({ ...ev, checkedAt: '2026-06-17T07:00:00.000Z' }));
});

const get = (handler: Parameters<typeof call>[0], id: string, user: TestUser | null = alice, suffix = '') => call(handler, { path: `/api/campaigns/${id}/compliance${suffix}`, token: user?.token, params: { id } });

describe('compliance report', () => {
  it('counts calls, rules, jurisdictions and recording decisions, and finds exactly the one unlawful call', async () => {
    const res = await get(reportRoute, campaignId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ callsPlaced: 2, callsWithEvidence: 2, violationCount: 1, violationsTruncated: false });
    expect(res.body.byRule['us-federal-hours']).toBe(2);
    expect(res.body.byJurisdiction).toEqual({ US: 2, 'US-NY': 2 });
    // The campaign records and has the default disclosure line: both calls are recorded after it.
    expect(res.body.recording).toEqual({ disclosed: 2 });
    expect(res.body.violations).toHaveLength(1);
    const [v] = res.body.violations;
    expect(v).toMatchObject({ callId: calls.night, phone: '+12125550202', checkedAt: '2026-06-17T07:00:00.000Z' });
    expect(v.reasons.map((r: { rule: string }) => r.rule).sort()).toEqual(['campaign_window', 'us-federal-hours']);
  });

  it('flags a call with no evidence, and one whose evidence shows the Florida cap already reached', async () => {
    const other = await newCampaign({ recordCalls: false });
    const none = await placeCall(other, { name: 'No evidence', phone: '+12125550203' }, 'none');
    const capped = await placeCall(other, { name: 'Fourth call', phone: '+13055550204' }, (ev) => ({ ...ev, callsLast24h: 3 }));
    const noConsent = await placeCall(other, { name: 'No consent', phone: '+13055550205' }, (ev) => ({ ...ev, consent: { ...ev.consent, lead: null } }));
    await placeCall(other, { name: 'Fine', phone: '+13055550206' }, 'lawful');
    const res = await get(reportRoute, other.id);
    expect(res.body).toMatchObject({ callsPlaced: 4, callsWithEvidence: 3, violationCount: 3, recording: { not_recorded: 3, no_evidence: 1 } });
    const byCall = Object.fromEntries(res.body.violations.map((v: { callId: string; reasons: { rule: string }[] }) => [v.callId, v.reasons.map((r) => r.rule)]));
    expect(byCall).toEqual({ [none]: ['evidence_missing'], [capped]: ['us-fl-hours-cap'], [noConsent]: ['consent'] });
    expect(res.body.byJurisdiction).toMatchObject({ 'US-FL': 3 });
  });

  it('shows "no violations" as an empty list for a campaign with no calls', async () => {
    const empty = await newCampaign();
    const res = await get(reportRoute, empty.id);
    expect(res.body).toMatchObject({ callsPlaced: 0, violationCount: 0, violations: [], byRule: {} });
  });

  it('reads the calls in keyset pages that neither skip nor repeat a call, even with equal creation times', async () => {
    const many = await newCampaign();
    const leads = await db.db
      .insert(schema.leads)
      .values(Array.from({ length: 7 }, (_, i) => ({ campaignId: many.id, name: `L${i}`, phone: `+1212555030${i}` })))
      .returning({ id: schema.leads.id, phone: schema.leads.phone });
    // One statement: every row gets the same created_at, so only the id orders them.
    await db.db.insert(schema.campaignCalls).values(leads.map((l) => ({ campaignId: many.id, leadId: l.id, attemptNumber: 1, phone: l.phone })));
    const seen: string[] = [];
    const sizes: number[] = [];
    for await (const page of callEvidencePages(db.db, { campaignId: many.id, pageSize: 3 })) {
      sizes.push(page.length);
      seen.push(...page.map((c) => c.leadId));
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(new Set(seen).size).toBe(7);
  });

  it('answers 401 without a session and 404 for another user’s campaign', async () => {
    expect((await get(reportRoute, campaignId, null)).status).toBe(401);
    expect((await get(reportRoute, campaignId, bob)).status).toBe(404);
    expect((await get(exportRoute, campaignId, bob, '/export')).status).toBe(404);
    expect((await get(exportRoute, campaignId, null, '/export')).status).toBe(401);
    expect((await get(reportRoute, 'not-a-uuid')).status).toBe(404);
  });
});

describe('evidence export', () => {
  it('streams one CSV row per call with the evidence, formulas defused', async () => {
    const res = await get(exportRoute, campaignId, alice, '/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="compliance-spring-outreach\.csv"/);
    const lines = (res.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(EVIDENCE_CSV_HEADERS.join(','));
    expect(lines).toHaveLength(3);
    const lawful = lines.find((l) => l.startsWith(calls.lawful))!;
    expect(lawful).toContain('+12125550201');
    expect(lawful).toContain('2026-06-17T15:00:00.000Z');
    expect(lawful).toContain('America/New_York 2026-06-17T11:00:00');
    expect(lawful).toContain('US; US-NY');
    expect(lawful).toContain('Wed 09:00-17:00 America/New_York');
    expect(lawful).toContain('owner do-not-call list');
    expect(lawful).toContain('prior_express_written_consent');
    expect(lawful).toContain('disclosed');
    // The lead's consent text would run as a formula in a spreadsheet: it gets a leading quote.
    expect(lawful).toContain(`"'=HYPERLINK(""http://evil"", ""x"")"`);
    expect(lines.find((l) => l.startsWith(calls.night))).toContain('2026-06-17T07:00:00.000Z');
  });
});
