// Lead files as they arrive from the wild: an enormous cell, a form with two files, an unknown
// region, premium-rate numbers, and names that reverse themselves on screen. Each is answered
// precisely, and never costs the good rows around it.
import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { POST as createCampaignRoute } from '@/app/api/campaigns/route';
import { PATCH as updateCampaignRoute } from '@/app/api/campaigns/[id]/route';
import { POST as addLeadRoute } from '@/app/api/campaigns/[id]/leads/add/route';
import { schema } from '@/db';
import { call, type FormPart, streamUploadLeads, validCampaign, createCampaign, apiFixtures } from '@/test/fixtures';

const { db, users: [alice] } = apiFixtures('Alice');

async function newCampaign(overrides: Record<string, unknown> = {}) {
  return call(createCampaignRoute, { path: '/api/campaigns', method: 'POST', token: alice.token, body: { ...validCampaign, ...overrides } });
}
const campaignId = () => createCampaign(alice);

const upload = (id: string, parts: FormPart[]) => streamUploadLeads(alice, id, parts, { chunkSize: 64 * 1024 });
const file = (content: string | Uint8Array): FormPart => ({ name: 'file', filename: 'leads.csv', content });

const leadsOf = (id: string) => db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, id)).orderBy(asc(schema.leads.phone));

describe('CSV edge cases', () => {
  it('an enormous unquoted cell is one rejection that says the field is too long, and the next row is imported', async () => {
    const id = await campaignId();
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const csv = `name,phone,notes\nAda Lovelace,+14155550101,first\nBlob,+14155550102,${huge}\nAlan Turing,+14155550103,next\nGrace Hopper,+14155550104,last\n`;
    const res = await upload(id, [file(csv)]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inserted: 3, rejectedTotal: 1, totalRows: 4 });
    expect(res.body.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/field .*too long/i) }]);
    expect((await leadsOf(id)).map((l) => l.name)).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  });

  it('a second file in one upload is a 400 naming the field, and imports nothing', async () => {
    const id = await campaignId();
    const first = 'name,phone\nAda Lovelace,+14155550101\n';
    const second = 'name,phone\nAlan Turing,+14155550102\n';
    // With the mapping before the files (the file streams straight into the import) and without (spooled).
    for (const parts of [[{ name: 'mapping', value: '{}' }, { name: 'defaultRegion', value: 'US' }, file(first), file(second)], [file(first), file(second)]]) {
      const res = await upload(id, parts);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty('file');
      expect(res.body.error.message).toMatch(/more than one/i);
    }
    expect(await leadsOf(id)).toEqual([]);
  });

  it('an unknown defaultRegion is a 422 naming defaultRegion: in the upload and in the campaign', async () => {
    const id = await campaignId();
    const res = await upload(id, [{ name: 'defaultRegion', value: 'ZZ' }, file('name,phone\nAda Lovelace,4155550101\n')]);
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toHaveProperty('defaultRegion');
    expect(await leadsOf(id)).toEqual([]);

    const created = await newCampaign({ defaultRegion: 'ZZ' });
    expect(created.status).toBe(422);
    expect(created.body.error.fields).toHaveProperty('defaultRegion');
    const patched = await call(updateCampaignRoute, { path: `/api/campaigns/${id}`, method: 'PATCH', token: alice.token, params: { id }, body: { defaultRegion: 'ZZ' } });
    expect(patched.status).toBe(422);
    expect(patched.body.error.fields).toHaveProperty('defaultRegion');
  });

  it('a known defaultRegion in the upload reads national numbers in that country', async () => {
    const id = await campaignId();
    const res = await upload(id, [{ name: 'defaultRegion', value: 'gb' }, file('name,phone\nAda Lovelace,020 7946 0018\n')]);
    expect(res).toMatchObject({ status: 200, body: { inserted: 1 } });
    expect((await leadsOf(id))[0].phone).toBe('+442079460018');
  });

  it('premium-rate numbers are rejected row by row, saying why; other rows are imported', async () => {
    const id = await campaignId();
    const csv = 'name,phone\nAda Lovelace,+14155550101\nPremium US,+1 900 555 0123\nPremium UK,+44 909 879 0000\nPremium FR,+33 8 99 00 00 00\nAlan Turing,+14155550102\n';
    const res = await upload(id, [file(csv)]);
    expect(res.body).toMatchObject({ inserted: 2, rejectedTotal: 3 });
    expect(res.body.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
    for (const r of res.body.rejected) expect(r.reason).toMatch(/premium-rate/i);
    const added = await call(addLeadRoute, { path: `/api/campaigns/${id}/leads/add`, method: 'POST', token: alice.token, params: { id }, body: { name: 'Premium', phone: '+19005550199' } });
    expect(added.status).toBe(422);
    expect(added.body.error.fields.phone).toMatch(/premium-rate/i);
  });

  it('bidirectional control characters are removed from names and companies, and the row report says so', async () => {
    const id = await campaignId();
    const controls = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    const csv = `name,phone,company\nAda \u202Eecalevol\u202C,+14155550101,Ana${controls}lytical\nAlan Turing,+14155550102,Bletchley\n`;
    const res = await upload(id, [file(csv)]);
    expect(res.body).toMatchObject({ inserted: 2, rejectedTotal: 0 });
    expect(res.body.cleaned).toEqual([{ line: 2, reason: expect.stringMatching(/bidirectional/i) }]);
    const leads = await leadsOf(id);
    expect(leads.map((l) => [l.name, l.company])).toEqual([
      ['Ada ecalevol', 'Analytical'],
      ['Alan Turing', 'Bletchley'],
    ]);
    const added = await call(addLeadRoute, { path: `/api/campaigns/${id}/leads/add`, method: 'POST', token: alice.token, params: { id }, body: { name: 'Grace \u202EreppoH', company: '\u2067Navy\u2069', phone: '+14155550103' } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Grace reppoH', company: 'Navy' });
  });
});
