// Importing a National Do Not Call Registry download (one 10-digit number per line, no header).
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { GET as listRoute, POST as postRoute } from '@/app/api/dnc/route';
import { schema } from '@/db';
import { claimLeads } from '@/lib/services/engine/claim-leads';
import { call, createCampaign, type TestUser, generatedCsv, json, uploadRequest, type FormPart, addLead, leadStatus, apiFixtures } from '@/test/fixtures';

const { db, users: [alice, bob, carol] } = apiFixtures('Alice', 'Bob', 'Carol');

async function upload(content: string | (() => AsyncIterable<Uint8Array>), { user = alice, fields = {}, chunkSize }: { user?: TestUser; fields?: Record<string, string>; chunkSize?: number } = {}) {
  const parts: FormPart[] = [...Object.entries(fields).map(([name, value]) => ({ name, value })), { name: 'file', filename: 'registry.txt', content }];
  return json(await postRoute(uploadRequest('/api/dnc', { token: user.token, parts, chunkSize }), { params: Promise.resolve({}) }));
}

async function listed(user: TestUser = alice) {
  const rows = await db.db.select().from(schema.dncNumbers).where(eq(schema.dncNumbers.workspaceId, user.workspaceId));
  return new Map(rows.map((r) => [r.phone, r]));
}

// The leads these tests add have consent, so only the DNC list holds them back.
const registryConsent = { consentAt: '2026-01-05T12:00:00Z', consentSource: 'web form' };

describe('a registry file', () => {
  it('is recognised by its shape and stored as +1 numbers, trailing commas and CRLF included', async () => {
    const res = await upload('2125550101\n2125550102,\r\n2125550103 \n\n2125550104');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ format: 'registry', added: 4, duplicates: 0, leadsMarked: 0, rejected: [], rejectedTotal: 0, cleaned: [], totalRows: 4 });
    const rows = await listed();
    expect([...rows.keys()].sort()).toEqual(['+12125550101', '+12125550102', '+12125550103', '+12125550104']);
    expect(rows.get('+12125550101')).toMatchObject({ source: 'import', reason: null });
  });

  it('counts bad lines with their line numbers and imports the rest', async () => {
    const good = Array.from({ length: 50 }, (_, i) => String(2125552000 + i));
    const res = await upload(['2125550201', 'not a number', '212555020', '1125550203', '2121550204', '2125550205', '21255502061', ...good, ''].join('\n'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'registry', added: 52, duplicates: 0, rejectedTotal: 5, totalRows: 57 });
    expect(res.body.rejected).toEqual([
      { line: 2, reason: '"not a number" is not a 10-digit number' },
      { line: 3, reason: '"212555020" is not a 10-digit number' },
      { line: 4, reason: '"1125550203" is not a valid US number (area code and exchange start with 2–9)' },
      { line: 5, reason: '"2121550204" is not a valid US number (area code and exchange start with 2–9)' },
      { line: 7, reason: '"21255502061" is not a 10-digit number' },
    ]);
    const rows = await listed();
    expect(rows.has('+12125550201') && rows.has('+12125550205')).toBe(true);
  });

  it('counts numbers repeated in the file and numbers already listed as duplicates, keeping the first entry', async () => {
    await call(postRoute, { path: '/api/dnc', method: 'POST', token: alice.token, body: { phone: '+12125550301', reason: 'Asked on a call' } });
    const res = await upload('2125550301\n2125550302\n2125550302\n2125550303\n', { fields: { reason: 'Registry, June' } });
    expect(res.body).toMatchObject({ format: 'registry', added: 2, duplicates: 2, rejectedTotal: 0, totalRows: 4 });
    const rows = await listed();
    expect(rows.get('+12125550301')).toMatchObject({ source: 'manual', reason: 'Asked on a call' });
    expect(rows.get('+12125550302')).toMatchObject({ source: 'import', reason: 'Registry, June' });
  });

  it('importing the same file again adds nothing', async () => {
    const file = '2125550401\n2125550402\n';
    expect((await upload(file)).body).toMatchObject({ added: 2, duplicates: 0 });
    expect((await upload(file)).body).toMatchObject({ added: 0, duplicates: 2 });
  });

  it('reads lines cut across the chunks of the upload', async () => {
    const numbers = Array.from({ length: 300 }, (_, i) => String(3125550000 + i));
    const res = await upload(numbers.join(',\r\n') + ',\r\n', { chunkSize: 7 });
    expect(res.body).toMatchObject({ format: 'registry', added: 300, rejectedTotal: 0, totalRows: 300 });
  });

  it('with format=registry, a file that does not look like one is read as one: its lines are rejected, never a 500', async () => {
    const res = await upload('phone\n2125550501\n' + 'x'.repeat(5000) + '\n2125550502\n', { fields: { format: 'registry' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'registry', added: 2, rejectedTotal: 2, totalRows: 4 });
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([1, 3]);
  });

  it('an empty file with format=registry is refused with 422', async () => {
    const res = await upload('\n\n', { fields: { format: 'registry' } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toHaveProperty('file');
  });

  it('an unknown format is refused with 422 naming it', async () => {
    const res = await upload('2125550601\n', { fields: { format: 'xlsx' } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toHaveProperty('format');
  });

  it.each([
    ['with a header', 'phone,reason\n(212) 555-0701,Complained\n2125550702,\n'],
    ['of numbers written otherwise', '(212) 555-0701\n2125550702\n'],
    ['where bad lines are more than a few', '2125550701\n2125550702\nnone\n'],
  ])('a CSV %s is still read as a CSV', async (_, csv) => {
    const res = await upload(csv, { user: carol });
    expect(res.body).toMatchObject({ format: 'csv', rejectedTotal: csv.includes('none') ? 1 : 0 });
    expect((await listed(carol)).has('+12125550701')).toBe(true);
    expect((await listed(carol)).has('+12125550702')).toBe(true);
  });

  it('imports 50,000 numbers streamed, and lists them', async () => {
    const file = generatedCsv(49_999, (i) => String(6465000000 + i), '6464999999');
    const res = await upload(file, { user: bob });
    expect(res.body).toMatchObject({ format: 'registry', added: 50_000, duplicates: 0, rejectedTotal: 0, totalRows: 50_000 });
    const page = await call(listRoute, { path: '/api/dnc?pageSize=1', token: bob.token });
    expect(page.body.total).toBe(50_000);
  }, 60_000);

  it('requires a signed-in user', async () => {
    const req = uploadRequest('/api/dnc', { parts: [{ name: 'file', filename: 'r.txt', content: '2125550801\n' }] });
    expect((await postRoute(req, { params: Promise.resolve({}) })).status).toBe(401);
    expect((await listed()).has('+12125550801')).toBe(false);
  });
});

describe('leads whose number the registry lists', () => {
  const now = new Date('2026-06-17T17:00:00Z'); // Wednesday 1 pm in New York

  it('are marked do_not_call by the import, in the owner’s campaigns only, and never claimed', async () => {
    const campaign = await createCampaign(alice);
    const listedLead = await addLead(alice, campaign, { phone: '+12125550901', ...registryConsent });
    const freeLead = await addLead(alice, campaign, { phone: '+12125550902', ...registryConsent });
    const bobsLead = await addLead(bob, await createCampaign(bob), { phone: '+12125550901', ...registryConsent });
    await db.db.update(schema.campaigns).set({ status: 'active' }).where(eq(schema.campaigns.id, campaign));

    const res = await upload('2125550901\n2125550903\n');
    expect(res.body).toMatchObject({ added: 2, leadsMarked: 1 });
    expect(await leadStatus(db.db, listedLead)).toBe('do_not_call');
    expect(await leadStatus(db.db, bobsLead)).toBe('pending');

    const claim = await claimLeads(db.db, { campaignId: campaign, now, want: 10 });
    expect(claim.claimed.map((c) => c.lead.id)).toEqual([freeLead]);
  });

  it('a lead that reached the queue with a listed number despite the import is settled do_not_call by the claim, not called', async () => {
    await upload('2125551001\n');
    const campaign = await createCampaign(alice);
    await db.db.update(schema.campaigns).set({ status: 'active' }).where(eq(schema.campaigns.id, campaign));
    // Written behind the services' back, as a lead import racing the DNC import could leave it.
    const [lead] = await db.db.insert(schema.leads).values({ campaignId: campaign, name: 'Raced', phone: '+12125551001', timezone: 'America/New_York' }).returning();
    const claim = await claimLeads(db.db, { campaignId: campaign, now, want: 10 });
    expect(claim.claimed).toEqual([]);
    expect(await leadStatus(db.db, lead.id)).toBe('do_not_call');
    const calls = await db.db.select().from(schema.campaignCalls).where(and(eq(schema.campaignCalls.campaignId, campaign), inArray(schema.campaignCalls.leadId, [lead.id])));
    expect(calls).toEqual([]);
  });
});
