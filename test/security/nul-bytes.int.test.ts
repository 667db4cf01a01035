// Postgres refuses U+0000 in text and jsonb: every way in answers 4xx naming the field, or strips it and says so.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTranscript } from '@/lib/services/calls/call-personal-data';
import { openLeadContext } from '@/lib/services/leads/lead-context';
import { schema } from '@/db';
import { GET as listCampaignsRoute, POST as createRoute } from '@/app/api/campaigns/route';
import { PATCH as patchRoute } from '@/app/api/campaigns/[id]/route';
import { GET as listLeadsRoute } from '@/app/api/campaigns/[id]/leads/route';
import { POST as addLeadRoute } from '@/app/api/campaigns/[id]/leads/add/route';
import { POST as uploadRoute } from '@/app/api/campaigns/[id]/leads/upload/route';
import { DELETE as dncDeleteRoute, POST as dncRoute } from '@/app/api/dnc/route';
import { POST as agentReportRoute } from '@/app/api/livekit/agent-report/route';
import { appClock } from '@/lib/clock';
import { reportTokenSecret } from '@/lib/telephony';
import { signReportToken } from '@/lib/telephony/report-token';
import { call, validCampaign, createCampaign, apiFixtures } from '@/test/fixtures';

const { db, users: [alice] } = apiFixtures('Alice');
let campaignId: string;

beforeAll(async () => {
  campaignId = await createCampaign(alice);
});

const NUL = '\u0000';

describe('a NUL byte never reaches the database', () => {
  it.each([
    ['campaign name', () => call(createRoute, { path: '/api/campaigns', method: 'POST', token: alice.token, body: { ...validCampaign, name: `a${NUL}b` } }), 'name'],
    ['nested campaign field', () => call(createRoute, { path: '/api/campaigns', method: 'POST', token: alice.token, body: { ...validCampaign, qualificationCriteria: [{ field: `x${NUL}`, type: 'boolean', operator: 'exists', weight: 1 }] } }), 'qualificationCriteria.0.field'],
    ['campaign edit', () => call(patchRoute, { path: `/api/campaigns/${campaignId}`, method: 'PATCH', token: alice.token, params: { id: campaignId }, body: { scriptGuidance: `hi${NUL}` } }), 'scriptGuidance'],
    ['lead name', () => call(addLeadRoute, { path: `/api/campaigns/${campaignId}/leads/add`, method: 'POST', token: alice.token, params: { id: campaignId }, body: { name: `x${NUL}`, phone: '+14155550100' } }), 'name'],
    ['lead context key', () => call(addLeadRoute, { path: `/api/campaigns/${campaignId}/leads/add`, method: 'POST', token: alice.token, params: { id: campaignId }, body: { name: 'x', phone: '+14155550100', context: { [`k${NUL}`]: 1 } } }), 'context'],
    ['DNC reason', () => call(dncRoute, { path: '/api/dnc', method: 'POST', token: alice.token, body: { phone: '+14155550100', reason: `r${NUL}` } }), 'reason'],
  ])('%s in JSON: 422 naming the field', async (_what, send, field) => {
    const res = await send();
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('unprocessable');
    expect(Object.keys(res.body.error.fields).some((k) => k === field || k.startsWith(`${field}.`))).toBe(true);
  });

  it.each([
    ['leads search', () => call(listLeadsRoute, { path: `/api/campaigns/${campaignId}/leads?search=a%00b`, token: alice.token, params: { id: campaignId } }), 'search'],
    ['campaign list', () => call(listCampaignsRoute, { path: '/api/campaigns?status=%00', token: alice.token }), 'status'],
    ['DNC delete', () => call(dncDeleteRoute, { path: '/api/dnc?phone=%2B1415555%000100', method: 'DELETE', token: alice.token }), 'phone'],
  ])('%s in a query string: 400 naming the parameter', async (_what, send, field) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it('a CSV cell: the NUL is removed, the lead kept, and the row reported', async () => {
    const form = new FormData();
    form.set('file', new Blob([`name,phone,notes\nAda${NUL} Lovelace,+14155550101,n${NUL}ote\nAlan Turing,+14155550102,ok\n`], { type: 'text/csv' }), 'leads.csv');
    const res = await call(uploadRoute, { path: `/api/campaigns/${campaignId}/leads/upload`, method: 'POST', token: alice.token, params: { id: campaignId }, body: form });
    expect(res.status).toBe(200);
    expect(res.body.inserted).toBe(2);
    expect(res.body.cleaned).toEqual([{ line: 2, reason: expect.stringMatching(/NUL/) }]);
    const [ada] = await db.db.select().from(schema.leads).where(eq(schema.leads.phone, '+14155550101'));
    expect(ada.name).toBe('Ada Lovelace');
    expect(openLeadContext(ada.context)).toMatchObject({ notes: 'note' });
  });

  it('a multipart field: 400 naming it', async () => {
    const form = new FormData();
    form.set('mapping', `{"name":"name"${NUL}}`);
    form.set('file', new Blob(['name,phone\nA,+14155550103\n'], { type: 'text/csv' }), 'leads.csv');
    const res = await call(uploadRoute, { path: `/api/campaigns/${campaignId}/leads/upload`, method: 'POST', token: alice.token, params: { id: campaignId }, body: form });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toContain('mapping');
  });

  it('the agent report: NULs are stripped and the report accepted (the agent retries anything but 200)', async () => {
    const [lead] = await db.db.insert(schema.leads).values({ campaignId, name: 'Lead', phone: '+14155550199', status: 'calling' }).returning();
    const [callRow] = await db.db.insert(schema.campaignCalls).values({ campaignId, leadId: lead.id, attemptNumber: 1, status: 'in_progress', phone: lead.phone, roomName: `call-${lead.id}` }).returning();
    const token = await signReportToken({ callId: callRow.id, secret: reportTokenSecret(), now: appClock().now() });
    const res = await call(agentReportRoute, {
      path: '/api/livekit/agent-report',
      method: 'POST',
      token,
      body: { transcript: [{ speaker: 'lead', text: `hel${NUL}lo` }], summary: `s${NUL}`, endedReason: 'hangup' },
    });
    expect(res.status).toBe(200);
    const [stored] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callRow.id));
    expect(openTranscript(stored.transcript)).toEqual([{ speaker: 'lead', text: 'hello' }]);
  });
});
