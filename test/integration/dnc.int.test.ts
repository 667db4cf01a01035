import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DELETE as deleteRoute, GET as listRoute, POST as postRoute } from '@/app/api/dnc/route';
import { schema } from '@/db';
import { addToDnc, isOnDnc } from '@/lib/services/dnc';
import { call, createCampaign, signUp, type TestUser, generatedCsv, json, uploadRequest, addLead, leadStatus, apiFixtures } from '@/test/fixtures';

const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');

const post = (body: unknown, user: TestUser = alice) => call(postRoute, { path: '/api/dnc', method: 'POST', token: user.token, body });
const list = (query = '', user: TestUser = alice) => call(listRoute, { path: `/api/dnc${query}`, token: user.token });

function uploadCsv(csv: string, fields: Record<string, string> = {}, user: TestUser = alice) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'dnc.csv');
  return call(postRoute, { path: '/api/dnc', method: 'POST', token: user.token, body: form });
}

describe('adding one number', () => {
  it('normalizes the number and is idempotent, keeping the first reason', async () => {
    const first = await post({ phone: '(415) 555-0801', reason: 'Asked by email' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ phone: '+14155550801', reason: 'Asked by email', source: 'manual', added: true });
    const again = await post({ phone: '+1 415 555 0801', reason: 'Another reason' });
    expect(again.body).toMatchObject({ phone: '+14155550801', reason: 'Asked by email', added: false });
    const rows = await db.db.select().from(schema.dncNumbers).where(eq(schema.dncNumbers.phone, '+14155550801'));
    expect(rows).toHaveLength(1);
  });

  it('marks the owner’s not-yet-terminal leads with that number do_not_call at once, in every campaign', async () => {
    const c1 = await createCampaign(alice);
    const c2 = await createCampaign(alice);
    const pending = await addLead(alice, c1, { phone: '+14155550811' });
    const retrying = await addLead(alice, c2, { phone: '+14155550811' });
    const calling = await addLead(alice, await createCampaign(alice), { phone: '+14155550811' });
    const done = await addLead(alice, await createCampaign(alice), { phone: '+14155550811' });
    const bobs = await addLead(bob, await createCampaign(bob), { phone: '+14155550811' });
    await db.db.update(schema.leads).set({ status: 'retry_scheduled', nextRetryAt: new Date() }).where(eq(schema.leads.id, retrying));
    await db.db.update(schema.leads).set({ status: 'calling' }).where(eq(schema.leads.id, calling));
    await db.db.update(schema.leads).set({ status: 'completed' }).where(eq(schema.leads.id, done));

    const res = await post({ phone: '4155550811' });
    expect(res.body.leadsMarked).toBe(3);
    expect(await leadStatus(db.db, pending)).toBe('do_not_call');
    expect(await leadStatus(db.db, retrying)).toBe('do_not_call');
    expect(await leadStatus(db.db, calling)).toBe('do_not_call');
    expect(await leadStatus(db.db, done)).toBe('completed');
    expect(await leadStatus(db.db, bobs)).toBe('pending');
  });

  it('reads a number without a country code in the given region', async () => {
    expect((await post({ phone: '020 7946 0811', region: 'GB' })).body.phone).toBe('+442079460811');
  });

  it.each([
    [{ phone: '12' }, 'phone'],
    [{}, 'phone'],
    [{ phone: '+14155550821', region: 'USA' }, 'region'],
  ])('%j is refused with 422 naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it('a body that is neither JSON nor multipart is refused with 415', async () => {
    const res = await call(postRoute, { path: '/api/dnc', method: 'POST', token: alice.token, body: '+14155550831', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
  });

  it('is audited', async () => {
    await post({ phone: '+14155550841', reason: 'Complaint' });
    const audit = await db.db.select().from(schema.auditLog).where(and(eq(schema.auditLog.actorId, alice.id), eq(schema.auditLog.action, 'dnc.added')));
    expect(audit.some((a) => (a.details as { phone?: string }).phone === '+14155550841')).toBe(true);
  });
});

describe('the service the engine calls for opt-outs', () => {
  it('addToDnc records an opt-out and isOnDnc sees it, for that owner only', async () => {
    const campaign = await createCampaign(alice);
    const lead = await addLead(alice, campaign, { phone: '+14155550901' });
    const now = new Date('2026-03-02T15:00:00Z');
    const result = await db.db.transaction((tx) => addToDnc(tx, { workspaceId: alice.workspaceId, phone: '+14155550901', reason: 'Opted out during a call', source: 'opt_out', now }));
    expect(result).toMatchObject({ added: true, leadsMarked: 1, entry: { phone: '+14155550901', source: 'opt_out', createdAt: now } });
    expect(await isOnDnc(db.db, { workspaceId: alice.workspaceId, phone: '+14155550901' })).toBe(true);
    expect(await isOnDnc(db.db, { workspaceId: bob.workspaceId, phone: '+14155550901' })).toBe(false);
    expect(await leadStatus(db.db, lead)).toBe('do_not_call');
  });

  it('an opt-out is honoured even for an E.164 number the phone metadata does not know', async () => {
    const result = await addToDnc(db.db, { workspaceId: alice.workspaceId, phone: '+999123456789', reason: null, source: 'opt_out', now: new Date() });
    expect(result.entry.phone).toBe('+999123456789');
  });
});

describe('importing a CSV of numbers', () => {
  it('adds the numbers, counting duplicates and rejecting bad rows with their lines', async () => {
    await post({ phone: '+14155551001' });
    const campaign = await createCampaign(alice);
    const lead = await addLead(alice, campaign, { phone: '+14155551003' });
    const res = await uploadCsv('Name,Mobile,Reason\nA,4155551001,\nB,4155551002,Complained\nB again,(415) 555-1002,\nC,4155551003,\nD,123,\n', { reason: 'Imported list' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ format: 'csv', added: 2, duplicates: 2, leadsMarked: 1, rejected: [{ line: 6, reason: 'phone "123" is not a valid number in US' }], rejectedTotal: 1, cleaned: [], totalRows: 5 });
    const rows = await db.db.select().from(schema.dncNumbers).where(eq(schema.dncNumbers.workspaceId, alice.workspaceId));
    expect(rows.find((r) => r.phone === '+14155551002')).toMatchObject({ reason: 'Complained', source: 'import' });
    expect(rows.find((r) => r.phone === '+14155551003')).toMatchObject({ reason: 'Imported list', source: 'import' });
    expect(await leadStatus(db.db, lead)).toBe('do_not_call');
  });

  it('a bare list of numbers without a header is read as phones', async () => {
    const res = await uploadCsv('+14155551101\r\n+14155551102\r\n\r\n');
    expect(res.body).toMatchObject({ added: 2, rejectedTotal: 0, totalRows: 2 });
  });

  it('a file without a phone column is refused with 422', async () => {
    const res = await uploadCsv('name,company\nA,B\n');
    expect(res.status).toBe(422);
  });

  it('streams a 20,000-number file', async () => {
    const csv = generatedCsv(20_000, (i) => `+1415${2_100_000 + i}`, 'phone');
    const req = uploadRequest('/api/dnc', { token: bob.token, parts: [{ name: 'file', filename: 'dnc.csv', content: csv }] });
    const res = await json(await postRoute(req, { params: Promise.resolve({}) }));
    expect(res.body).toMatchObject({ added: 20_000, duplicates: 0, rejectedTotal: 0, totalRows: 20_000 });
  }, 60_000);
});

describe('listing and removing numbers', () => {
  let carol: TestUser;
  beforeAll(async () => {
    carol = await signUp('Carol');
    for (const [phone, reason] of [
      ['+14155551201', 'Complained on Twitter'],
      ['+14155551202', 'Lawyer letter'],
      ['+442079461203', null],
    ] as const) {
      await post({ phone, ...(reason ? { reason } : {}) }, carol);
    }
  });

  it('lists only the user’s numbers, paginated', async () => {
    const res = await list('?pageSize=2', carol);
    expect(res.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(res.body.items).toHaveLength(2);
    expect((await list('?page=2&pageSize=2', carol)).body.items).toHaveLength(1);
  });

  it.each([
    ['lawyer', ['+14155551202']],
    ['555-12', ['+14155551201', '+14155551202']],
    ['020 7946 1203', ['+442079461203']],
    ['nothing', []],
  ])('searching "%s" finds %j', async (search, phones) => {
    const res = await list(`?search=${encodeURIComponent(search)}`, carol);
    expect(res.body.items.map((d: { phone: string }) => d.phone).sort()).toEqual(phones);
  });

  it('removes a number given in the query string (a raw + included) or the body, idempotently', async () => {
    const byQuery = await call(deleteRoute, { path: '/api/dnc?phone=+442079461203', method: 'DELETE', token: carol.token });
    expect(byQuery.body).toEqual({ phone: '+442079461203', deleted: true });
    const byBody = await call(deleteRoute, { path: '/api/dnc', method: 'DELETE', token: carol.token, body: { phone: '415-555-1201' } });
    expect(byBody.body).toEqual({ phone: '+14155551201', deleted: true });
    const again = await call(deleteRoute, { path: '/api/dnc', method: 'DELETE', token: carol.token, body: { phone: '415-555-1201' } });
    expect(again.body.deleted).toBe(false);
    expect((await list('', carol)).body.total).toBe(1);
  });

  it('one user cannot remove another’s numbers', async () => {
    const res = await call(deleteRoute, { path: '/api/dnc', method: 'DELETE', token: bob.token, body: { phone: '+14155551202' } });
    expect(res.body.deleted).toBe(false);
    expect((await list('', carol)).body.total).toBe(1);
  });

  it('requires a signed-in user', async () => {
    expect((await call(listRoute, { path: '/api/dnc' })).status).toBe(401);
  });
});
