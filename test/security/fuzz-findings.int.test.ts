// Defects the route fuzz drill (test/drill/route-fuzz.int.test.ts) found, each pinned by the smallest
// request that showed it: a 5xx, or a refused request that still wrote.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as createRoute } from '@/app/api/campaigns/route';
import { PATCH as patchLeadRoute } from '@/app/api/campaigns/[id]/leads/[leadId]/route';
import { POST as addLeadRoute } from '@/app/api/campaigns/[id]/leads/add/route';
import { POST as agentReportRoute } from '@/app/api/livekit/agent-report/route';
import { reportTokenSecret } from '@/lib/telephony';
import { signReportToken } from '@/lib/telephony/report-token';
import { call, createCampaign, addLead, apiFixtures } from '@/test/fixtures';

const { users: [alice] } = apiFixtures('Alice');
let campaignId: string;
let leadId: string;

beforeAll(async () => {
  campaignId = await createCampaign(alice);
  leadId = await addLead(alice, campaignId, { name: 'Lead', phone: '+14155550100' });
});

describe('what the route fuzz drill found', () => {
  it('a JSON body nested 10,000 levels deep is a 400 naming the limit, not a stack overflow (500)', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    for (const [handler, path, params] of [
      [createRoute, '/api/campaigns', {}],
      [patchLeadRoute, `/api/campaigns/${campaignId}/leads/${leadId}`, { id: campaignId, leadId }],
      [addLeadRoute, `/api/campaigns/${campaignId}/leads/add`, { id: campaignId }],
    ] as const) {
      const res = await call(handler, { path, method: path.includes(leadId) ? 'PATCH' : 'POST', token: alice.token, params, body: deep, headers: { 'content-type': 'application/json' } });
      expect(res.status, path).toBe(400);
      expect(res.body.error.message).toMatch(/nested deeper than 32 levels/);
    }
  });

  it("the agent's report, whose NULs are stripped, is refused the same way when nested too deep", async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const token = await signReportToken({ callId: crypto.randomUUID(), secret: reportTokenSecret(), now: new Date() });
    const res = await call(agentReportRoute, { path: '/api/livekit/agent-report', method: 'POST', body: deep, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/nested deeper than 32 levels/);
  });
});
