// Leads carry their jurisdiction and consent: through the CSV import, the single-lead add and edit, and
// the lead list, on the real route handlers.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { GET as listRoute } from '@/app/api/campaigns/[id]/leads/route';
import { PATCH as patchRoute } from '@/app/api/campaigns/[id]/leads/[leadId]/route';
import { schema } from '@/db';
import { call, createCampaign, postLead, uploadLeads, leadsOf, apiFixtures } from '@/test/fixtures';

const { db, users: [alice] } = apiFixtures('Alice');

const add = (id: string, body: unknown) => postLead(alice, id, body);
const patch = (id: string, leadId: string, body: unknown) => call(patchRoute, { path: `/api/campaigns/${id}/leads/${leadId}`, method: 'PATCH', token: alice.token, params: { id, leadId }, body });
const list = (id: string, query = '') => call(listRoute, { path: `/api/campaigns/${id}/leads${query}`, token: alice.token, params: { id } });
describe('CSV import: state and consent', () => {
  it.each(['state', 'Province', 'region', 'ST'])('the "%s" column feeds the lead’s state, codes and names alike', async (header) => {
    const id = await createCampaign(alice);
    const res = await uploadLeads(alice, id, `name,phone,${header}\nA,+13055550101,fl\nB,+13055550102,Florida\nC,+14165550103,ON\nD,+14165550104,Ontario\nE,+13055550105,US-FL\n`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inserted: 5, rejectedTotal: 0, notesTotal: 0 });
    expect((await leadsOf(db.db, id)).map((l) => l.state)).toEqual(['US-FL', 'US-FL', 'US-FL', 'CA-ON', 'CA-ON']);
  });

  it('an unknown state is imported with a note and kept in context; the number’s own state applies', async () => {
    const id = await createCampaign(alice);
    const res = await uploadLeads(alice, id, 'name,phone,state\nA,+13055550111,Narnia\nB,+13055550112,TX\n');
    expect(res.body).toMatchObject({ inserted: 2, rejectedTotal: 0, notesTotal: 1 });
    expect(res.body.notes).toEqual([{ line: 2, reason: expect.stringMatching(/state "Narnia" is not a US state or Canadian province/) }]);
    const [a, b] = await leadsOf(db.db, id);
    expect(a).toMatchObject({ state: null, context: { state: 'Narnia' } });
    expect(b.state).toBe('US-TX');
  });

  it('consent_at, consent_source and consent_text (or consent_url) are the lead’s consent record', async () => {
    const id = await createCampaign(alice);
    const res = await uploadLeads(alice, 
      id,
      'name,phone,consent_at,consent_source,consent_url\nA,+12125550121,2025-11-03T15:04:05Z,web form,https://example.com/optin/1\nB,+12125550122,11/3/2025,paper form #12,\nC,+12125550123,yesterday,,\n',
    );
    expect(res.body).toMatchObject({ inserted: 3, rejectedTotal: 0, notesTotal: 1 });
    expect(res.body.notes[0]).toMatchObject({ line: 4, reason: expect.stringMatching(/consent_at "yesterday" is not a date/) });
    const [a, b, c] = await leadsOf(db.db, id);
    expect(a).toMatchObject({ consentAt: new Date('2025-11-03T15:04:05Z'), consentSource: 'web form', consentText: 'https://example.com/optin/1' });
    expect(b).toMatchObject({ consentAt: new Date('2025-11-03T00:00:00Z'), consentSource: 'paper form #12', consentText: null });
    expect(c).toMatchObject({ consentAt: null, consentSource: null, context: { consent_at: 'yesterday' } });
  });

  it('a UTC or GMT zone on a North American number is ignored with a note, and kept in context', async () => {
    const id = await createCampaign(alice);
    const res = await uploadLeads(alice, id, 'name,phone,timezone\nA,+12125550131,GMT\nB,+442079460132,UTC\nC,+12125550133,America/Chicago\n');
    expect(res.body).toMatchObject({ inserted: 3, notesTotal: 1 });
    expect(res.body.notes[0]).toMatchObject({ line: 2, reason: expect.stringMatching(/time zone "GMT" ignored: UTC\/GMT is no North American lead's local time/) });
    const [a, c, b] = await leadsOf(db.db, id);
    expect(a).toMatchObject({ phone: '+12125550131', timezone: null, context: { timezone: 'GMT' } });
    expect(c).toMatchObject({ phone: '+12125550133', timezone: 'America/Chicago' });
    // A number abroad may well be on UTC.
    expect(b).toMatchObject({ phone: '+442079460132', timezone: 'UTC' });
  });
});

describe('one lead: state and consent in the JSON', () => {
  it('add and edit accept state, consentAt, consentSource and consentText, and the API shows them', async () => {
    const id = await createCampaign(alice);
    const res = await add(id, { name: 'A', phone: '+13055550201', state: 'Florida', consentAt: '2025-11-03T15:04:05Z', consentSource: 'web form', consentText: 'I agree to calls.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ state: 'US-FL', consentAt: '2025-11-03T15:04:05.000Z', consentSource: 'web form', consentText: 'I agree to calls.' });
    const edited = await patch(id, res.body.id, { state: 'ON', consentText: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ state: 'CA-ON', consentSource: 'web form', consentText: null });
    expect((await list(id)).body.items[0]).toMatchObject({ state: 'CA-ON', consentAt: '2025-11-03T15:04:05.000Z', consentSource: 'web form' });
  });

  it.each([
    ['state', { state: 'Narnia' }],
    ['consentAt', { consentAt: 'last tuesday' }],
    ['consentAt', { consentAt: '2999-01-01T00:00:00Z' }],
  ])('a bad %s is a 422 naming the field', async (field, body) => {
    const id = await createCampaign(alice);
    const res = await add(id, { name: 'A', phone: '+13055550211', ...body });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toHaveProperty(field);
  });

  it('a needs_consent lead that gets a consent record is pending again, and the list filters on needs_consent', async () => {
    const id = await createCampaign(alice);
    const lead = (await add(id, { name: 'A', phone: '+12125550221' })).body;
    await db.db.update(schema.leads).set({ status: 'needs_consent' }).where(eq(schema.leads.id, lead.id));
    expect((await list(id, '?status=needs_consent')).body.items.map((l: { id: string }) => l.id)).toEqual([lead.id]);
    const res = await patch(id, lead.id, { consentAt: '2025-11-03T15:04:05Z', consentSource: 'recorded verbal consent, call 0113' });
    expect(res.body).toMatchObject({ status: 'pending', consentSource: 'recorded verbal consent, call 0113' });
    expect((await list(id, '?status=needs_consent')).body.items).toEqual([]);
  });
});
