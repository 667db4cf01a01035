// Personal data at rest (issue 12): sealed in the database, shown opened to its owner; deleted after the
// campaign's retention; erased on request, with an opted-out number still blocked by its hash.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, schema } from '@/db';
import { PATCH as patchRoute } from '@/app/api/campaigns/[id]/route';
import { GET as listLeadsRoute } from '@/app/api/campaigns/[id]/leads/route';
import { POST as uploadRoute } from '@/app/api/campaigns/[id]/leads/upload/route';
import { GET as callRoute } from '@/app/api/calls/[id]/route';
import { GET as dncListRoute } from '@/app/api/dnc/route';
import { DELETE as eraseRoute } from '@/app/api/leads/[id]/personal-data/route';
import { POST as agentReportRoute } from '@/app/api/livekit/agent-report/route';
import { applyCallEvent } from '@/lib/services/calls';
import { addToDnc } from '@/lib/services/dnc';
import { claimLeads } from '@/lib/services/engine';
import { removeExpiredCallData, sealLegacyPersonalData } from '@/lib/services/retention';
import { reportTokenSecret } from '@/lib/telephony';
import { signReportToken } from '@/lib/telephony/report-token';
import { call, testDriver, insertCampaign, leadConsent, createCampaign, leadConsentBody, postLead, apiFixtures } from '@/test/fixtures';

const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');
let campaignId: string;

const DAY = 24 * 3600_000;
const endedAt = new Date('2026-06-10T15:00:00Z');
// Words that appear nowhere else: if the database holds them in the clear, a dump shows them.
const secret = { transcript: 'aubergine-walrus', summary: 'tangerine-heron', context: 'Zanzibar-pomegranate', csvContext: 'Quixotic-marmalade', recording: 'secret-recording-xyz' };

beforeAll(async () => {
  campaignId = await createCampaign(alice, { retentionDays: 30 });
});

const addLead = (body: Record<string, unknown>, id = campaignId) => postLead(alice, id, { ...leadConsentBody, ...body });

/** A lead with an answered call whose report (transcript, summary) and recording are stored, then settled as ended at `endedAt`. */
async function leadWithCall(phone: string, id = campaignId) {
  const lead = (await addLead({ name: 'Grace Hopper', phone, context: { note: secret.context } }, id)).body;
  const [row] = await db.db
    .insert(schema.campaignCalls)
    .values({ campaignId: id, leadId: lead.id, attemptNumber: 1, status: 'in_progress', phone: lead.phone, roomName: `call-${lead.id}`, claimedAt: new Date(endedAt.getTime() - 60_000), compliance: { version: 1, phone: lead.phone } as never })
    .returning();
  const token = await signReportToken({ callId: row.id, secret: reportTokenSecret(), now: new Date() });
  const report = await call(agentReportRoute, {
    path: '/api/livekit/agent-report',
    method: 'POST',
    token,
    body: { transcript: [{ speaker: 'agent', text: 'Hello Grace' }, { speaker: 'lead', text: `We use the ${secret.transcript} plan` }], summary: `Lead likes ${secret.summary}`, endedReason: 'hangup' },
  });
  expect(report.status).toBe(200);
  await applyCallEvent(db.db, { id: `rec-${row.id}`, callId: row.id, at: new Date(), type: 'recording', url: `https://recordings.example.com/${secret.recording}.wav` }, { now: new Date() });
  await db.db.update(schema.campaignCalls).set({ status: 'completed', outcome: 'completed', endedAt, score: 40 }).where(eq(schema.campaignCalls.id, row.id));
  return { lead, callId: row.id };
}

/** Every row of the tables that hold personal data, as text. */
async function tablesAsText(): Promise<string> {
  const tables = ['leads', 'campaign_calls', 'call_events', 'dnc_numbers', 'audit_log'];
  const parts = await Promise.all(tables.map(async (t) => rowsOf<{ row: string }>(await db.db.execute(sql.raw(`select t::text as row from ${t} t`))).map((r) => r.row).join('\n')));
  return parts.join('\n');
}

describe('personal data is encrypted at rest', () => {
  it('the database holds no transcript words, summary, recording URL or lead context, and the owner reads them all', async () => {
    const { lead, callId } = await leadWithCall('+12125550123');
    const form = new FormData();
    form.set('file', new Blob([`name,phone,notes,consent_at,consent_source\nAda,+12125550124,${secret.csvContext},2025-11-03,web form\n`], { type: 'text/csv' }), 'leads.csv');
    expect((await call(uploadRoute, { path: `/api/campaigns/${campaignId}/leads/upload`, method: 'POST', token: alice.token, params: { id: campaignId }, body: form })).body.inserted).toBe(1);

    const stored = await tablesAsText();
    expect(stored).toContain('Grace Hopper'); // the scan sees plain columns
    for (const word of Object.values(secret)) expect(stored).not.toContain(word);
    expect(stored).toMatch(/v1:local:|v1:default:/);

    if (testDriver() === 'postgres') {
      const dump = execFileSync('pg_dump', ['--data-only', db.url!], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      expect(dump).toContain('Grace Hopper');
      for (const word of Object.values(secret)) expect(dump, word).not.toContain(word);
    }

    const detail = await call(callRoute, { path: `/api/calls/${callId}`, token: alice.token, params: { id: callId } });
    expect(detail.status).toBe(200);
    expect(detail.body.transcript[1].text).toContain(secret.transcript);
    expect(detail.body.report.summary).toContain(secret.summary);
    expect(detail.body.recordingUrl).toContain(secret.recording);
    expect((await call(callRoute, { path: `/api/calls/${callId}`, token: bob.token, params: { id: callId } })).status).toBe(404);
    const leads = await call(listLeadsRoute, { path: `/api/campaigns/${campaignId}/leads?pageSize=50`, token: alice.token, params: { id: campaignId } });
    const contexts = leads.body.items as { id: string; context: Record<string, unknown> }[];
    expect(contexts.find((l) => l.id === lead.id)?.context).toEqual({ note: secret.context });
    expect(contexts.map((l) => l.context)).toContainEqual({ notes: secret.csvContext });
  });

  it('rows written before encryption still read, and the backfill seals them', async () => {
    const { lead, callId } = await leadWithCall('+12125550125');
    await db.db.execute(sql`update campaign_calls set transcript = ${JSON.stringify([{ speaker: 'lead', text: 'legacy words' }])} where id = ${callId}`);
    await db.db.execute(sql`update leads set context = ${JSON.stringify({ legacy: 'plain' })} where id = ${lead.id}`);
    const before = await call(callRoute, { path: `/api/calls/${callId}`, token: alice.token, params: { id: callId } });
    expect(before.body.transcript).toEqual([{ speaker: 'lead', text: 'legacy words' }]);
    const sealed = await sealLegacyPersonalData(db.db);
    expect(sealed['campaign_calls.transcript']).toBeGreaterThanOrEqual(1);
    expect(sealed['leads.context']).toBeGreaterThanOrEqual(1);
    expect(await tablesAsText()).not.toContain('legacy words');
    const after = await call(callRoute, { path: `/api/calls/${callId}`, token: alice.token, params: { id: callId } });
    expect(after.body.transcript).toEqual([{ speaker: 'lead', text: 'legacy words' }]);
  });
});

describe('retention', () => {
  it('a campaign update keeps retentionDays unless it is sent; null clears it; 0 is a 422 naming it', async () => {
    const patch = (body: unknown) => call(patchRoute, { path: `/api/campaigns/${campaignId}`, method: 'PATCH', token: alice.token, params: { id: campaignId }, body });
    expect((await patch({ name: 'Renamed' })).body.retentionDays).toBe(30);
    const bad = await patch({ retentionDays: 0 });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toContain('retentionDays');
    const other = await createCampaign(alice, { retentionDays: 7 });
    const cleared = await call(patchRoute, { path: `/api/campaigns/${other}`, method: 'PATCH', token: alice.token, params: { id: other }, body: { retentionDays: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.retentionDays).toBeUndefined();
  });

  it('deletes transcripts, recordings and reports of calls that ended more than retentionDays ago, keeping the call', async () => {
    const kept = await createCampaign(alice);
    const expiring = await leadWithCall('+12125550126');
    const keptCall = await leadWithCall('+12125550127', kept);
    const personal = async (callId: string) => (await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId)))[0];

    await removeExpiredCallData(db.db, { now: new Date(endedAt.getTime() + 29 * DAY) });
    expect((await personal(expiring.callId)).transcript).not.toBeNull();

    const result = await removeExpiredCallData(db.db, { now: new Date(endedAt.getTime() + 31 * DAY) });
    expect(result.calls).toBeGreaterThanOrEqual(1);
    const gone = await personal(expiring.callId);
    expect(gone).toMatchObject({ transcript: null, recordingUrl: null, report: null, outcome: 'completed', score: 40, status: 'completed' });
    expect(gone.personalDataRemovedAt).not.toBeNull();
    // A campaign without the setting keeps everything.
    expect((await personal(keptCall.callId)).transcript).not.toBeNull();
    const detail = await call(callRoute, { path: `/api/calls/${expiring.callId}`, token: alice.token, params: { id: expiring.callId } });
    expect(detail.body).toMatchObject({ transcript: null, recordingUrl: null, outcome: 'completed' });
  });
});

describe('erasure', () => {
  const phone = '+12125550188';

  it("answers 404 for another user's lead and for a lead that does not exist", async () => {
    const { lead } = await leadWithCall('+12125550190');
    expect((await call(eraseRoute, { path: `/api/leads/${lead.id}/personal-data`, method: 'DELETE', token: bob.token, params: { id: lead.id } })).status).toBe(404);
    expect((await call(eraseRoute, { path: '/api/leads/x/personal-data', method: 'DELETE', token: alice.token, params: { id: 'x' } })).status).toBe(404);
    expect((await db.db.select().from(schema.leads).where(eq(schema.leads.id, lead.id)))[0].name).toBe('Grace Hopper');
  });

  it('removes the lead’s personal data, keeps its calls as counts, and keeps an opted-out number only as a hash that still blocks it', async () => {
    const { lead, callId } = await leadWithCall(phone);
    await addToDnc(db.db, { workspaceId: alice.workspaceId, phone, reason: 'Opted out during a call', source: 'opt_out', now: new Date() });

    const res = await call(eraseRoute, { path: `/api/leads/${lead.id}/personal-data`, method: 'DELETE', token: alice.token, params: { id: lead.id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ leadId: lead.id, callsErased: 1, dncHashed: true });

    const [erased] = await db.db.select().from(schema.leads).where(eq(schema.leads.id, lead.id));
    expect(erased).toMatchObject({ name: '', email: null, company: null, phone: `erased:${lead.id}`, context: '{}', consentText: null });
    const [c] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callId));
    expect(c).toMatchObject({ transcript: null, recordingUrl: null, report: null, outcomeNote: null, outcome: 'completed', score: 40, status: 'completed', phone: `erased:${lead.id}` });
    expect(c.compliance).toMatchObject({ version: 1, phone: `erased:${lead.id}` });
    // The evidence's trigger allows that one change, nothing else.
    await expect(db.db.execute(sql`update campaign_calls set compliance = compliance || '{"phone":"erased:x","version":2}'::jsonb where id = ${callId}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update campaign_calls set compliance = '{"phone":"erased:y"}'::jsonb where id = ${callId}`)).rejects.toThrow();
    await expect(db.db.execute(sql`update campaign_calls set compliance = null where id = ${callId}`)).rejects.toThrow();

    const stored = await tablesAsText();
    expect(stored).not.toContain(phone);
    expect(stored).not.toContain(phone.slice(2)); // nor its national digits
    const audit = await db.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'lead.erased'));
    expect(audit).toMatchObject([{ actorId: alice.id, campaignId, details: { leadId: lead.id, callsErased: 1, dncHashed: true } }]);
    const list = await call(dncListRoute, { path: '/api/dnc', token: alice.token });
    expect(JSON.stringify(list.body)).toContain('"hashed":true');

    // The number is still blocked: adding it is refused, and a lead carrying it (another way in) is never claimed.
    expect((await addLead({ name: 'Again', phone })).status).toBe(409);
    const active = await insertCampaign(db.db, alice.id);
    const [again] = await db.db.insert(schema.leads).values({ campaignId: active.id, name: 'Again', phone, ...leadConsent }).returning();
    const [control] = await db.db.insert(schema.leads).values({ campaignId: active.id, name: 'Control', phone: '+12125550189', ...leadConsent }).returning();
    const { claimed } = await claimLeads(db.db, { campaignId: active.id, now: new Date('2026-06-17T15:00:00Z'), want: 5 });
    expect(claimed.map((c) => c.lead.id)).toEqual([control.id]);
    expect((await db.db.select().from(schema.leads).where(eq(schema.leads.id, again.id)))[0].status).toBe('do_not_call');
  });

  it('refuses to erase a lead on a call (409)', async () => {
    const lead = (await addLead({ name: 'On a call', phone: '+12125550191' })).body;
    await db.db.update(schema.leads).set({ status: 'calling' }).where(eq(schema.leads.id, lead.id));
    const res = await call(eraseRoute, { path: `/api/leads/${lead.id}/personal-data`, method: 'DELETE', token: alice.token, params: { id: lead.id } });
    expect(res.status).toBe(409);
  });
});
