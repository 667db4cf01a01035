import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { GET as listRoute } from '@/app/api/campaigns/[id]/leads/route';
import { PUT as putRoute } from '@/app/api/campaigns/[id]/leads/[leadId]/route';
import { schema } from '@/db';
import { call, createCampaign, type TestUser, postLead, apiFixtures } from '@/test/fixtures';
import { leadPage } from '@/lib/api/responses';

const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');

const add = (id: string, body: unknown, user: TestUser = alice) => postLead(user, id, body);

const list = (id: string, query = '', user: TestUser = alice) => call(listRoute, { path: `/api/campaigns/${id}/leads${query}`, token: user.token, params: { id } });

const put = (id: string, leadId: string, body: unknown, user: TestUser = alice) =>
  call(putRoute, { path: `/api/campaigns/${id}/leads/${leadId}`, method: 'PUT', token: user.token, params: { id, leadId }, body });

describe('adding one lead', () => {
  it('adds a lead with its phone in E.164 and answers 201 with it', async () => {
    const id = await createCampaign(alice);
    const res = await add(id, { name: ' Ada Lovelace ', phone: '(415) 555-0501', company: 'Analytical', email: 'ada@example.com', timezone: 'america/los_angeles', context: { budget: 5000 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      campaignId: id,
      name: 'Ada Lovelace',
      phone: '+14155550501',
      company: 'Analytical',
      email: 'ada@example.com',
      timezone: 'America/Los_Angeles',
      context: { budget: 5000 },
      status: 'pending',
      callAttempts: 0,
    });
  });

  it('a phone already in the campaign is refused with 409 naming phone', async () => {
    const id = await createCampaign(alice);
    await add(id, { name: 'A', phone: '+14155550511' });
    const res = await add(id, { name: 'B', phone: '415 555 0511' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toHaveProperty('phone');
  });

  it('a number on the DNC list is refused with 409 naming phone', async () => {
    const id = await createCampaign(alice);
    await db.db.insert(schema.dncNumbers).values({ workspaceId: alice.workspaceId, phone: '+14155550521' });
    const res = await add(id, { name: 'A', phone: '4155550521' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields.phone).toMatch(/do-not-call/);
  });

  it.each([
    [{ name: 'A', phone: '12345' }, 'phone'],
    [{ name: 'A', phone: '' }, 'phone'],
    [{ name: '', phone: '+14155550531' }, 'name'],
    [{ name: 'A', phone: '+14155550531', email: 'nope' }, 'email'],
    [{ name: 'A', phone: '+14155550531', timezone: 'Mars/Olympus' }, 'timezone'],
    [{ name: 'A', phone: '+14155550531', context: 'x' }, 'context'],
  ])('%j is refused with 422 naming %s', async (body, field) => {
    const id = await createCampaign(alice);
    const res = await add(id, body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });

  it('a number without a country code is read in the campaign’s default region', async () => {
    const id = await createCampaign(alice, { defaultRegion: 'GB' });
    expect((await add(id, { name: 'A', phone: '020 7946 0958' })).body.phone).toBe('+442079460958');
  });

  it('a cancelled campaign takes no leads (409); another user’s campaign is a 404', async () => {
    const id = await createCampaign(alice);
    await db.db.update(schema.campaigns).set({ status: 'cancelled' }).where(eq(schema.campaigns.id, id));
    expect((await add(id, { name: 'A', phone: '+14155550541' })).status).toBe(409);
    const other = await createCampaign(alice);
    expect((await add(other, { name: 'A', phone: '+14155550541' }, bob)).status).toBe(404);
  });
});

describe('listing leads', () => {
  let id: string;
  beforeAll(async () => {
    id = await createCampaign(alice);
    const people = [
      ['Ada Lovelace', '+14155550601', 'Analytical Engines'],
      ['Alan Turing', '+442079460601', 'Bletchley Park'],
      ['Grace Hopper', '+14155550602', 'US Navy'],
      ['Edsger 100% Dijkstra', '+14155550603', 'Eindhoven'],
      ['Barbara Liskov', '+14155550604', 'MIT'],
    ];
    for (const [name, phone, company] of people) await add(id, { name, phone, company });
    await db.db.update(schema.leads).set({ status: 'completed' }).where(eq(schema.leads.phone, '+14155550602'));
  });

  it('pages through the leads with the total', async () => {
    const first = await list(id, '?page=1&pageSize=2');
    const third = await list(id, '?page=3&pageSize=2');
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(first.body.items).toHaveLength(2);
    expect(third.body.items).toHaveLength(1);
    const all = await list(id, '?pageSize=200');
    expect(new Set(all.body.items.map((l: { id: string }) => l.id)).size).toBe(5);
  });

  it.each([
    ['lovelace', ['Ada Lovelace']],
    ['PARK', ['Alan Turing']],
    ['555-0602', ['Grace Hopper']],
    ['(415) 555-06', ['Ada Lovelace', 'Barbara Liskov', 'Edsger 100% Dijkstra', 'Grace Hopper']],
    ['020 7946 0601', ['Alan Turing']],
    ['+4420', ['Alan Turing']],
    ['100%', ['Edsger 100% Dijkstra']],
    ['%', ['Edsger 100% Dijkstra']],
    ['nobody', []],
  ])('searching "%s" finds %j', async (search, names) => {
    const res = await list(id, `?pageSize=200&search=${encodeURIComponent(search)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((l: { name: string }) => l.name).sort()).toEqual(names);
    expect(res.body.total).toBe(names.length);
    expect(leadPage.safeParse(res.body).error).toBeUndefined();
  });

  it('filters by status, alone or with a search', async () => {
    expect((await list(id, '?status=completed')).body.items.map((l: { name: string }) => l.name)).toEqual(['Grace Hopper']);
    expect((await list(id, '?status=pending&search=hopper')).body.total).toBe(0);
    expect((await list(id, '?status=pending')).body.total).toBe(4);
  });

  it('an unknown status or page size is a 400 naming the field', async () => {
    expect((await list(id, '?status=sleeping')).body.error.fields).toHaveProperty('status');
    expect((await list(id, '?pageSize=1000')).body.error.fields).toHaveProperty('pageSize');
  });

  it('another user’s campaign answers 404', async () => {
    expect((await list(id, '', bob)).status).toBe(404);
  });
});

describe('leads by cursor', () => {
  it('walks every lead once, newest first, ties broken by id, the same order as numbered pages', async () => {
    const id = await createCampaign(alice);
    // Seven leads share one created_at to the microsecond, three more are older, two newer.
    const same = new Date('2026-11-30T10:00:00.123Z');
    const rows = Array.from({ length: 12 }, (_, i) => ({
      campaignId: id,
      name: `Keyset ${i}`,
      phone: `+1415555${String(1000 + i)}`,
      createdAt: i < 7 ? same : new Date(same.getTime() + (i < 10 ? -1000 * i : 1000 * i)),
      status: i % 3 === 0 ? ('completed' as const) : ('pending' as const),
    }));
    await db.db.insert(schema.leads).values(rows);
    const seen: string[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const res = await list(id, `?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(12);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      expect(leadPage.safeParse(res.body).error).toBeUndefined();
      seen.push(...res.body.items.map((l: { id: string }) => l.id));
      cursor = res.body.nextCursor;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(12);
    const numbered = [1, 2, 3].map((page) => list(id, `?page=${page}&pageSize=5`));
    const byNumber = (await Promise.all(numbered)).flatMap((r) => r.body.items.map((l: { id: string }) => l.id));
    expect(seen).toEqual(byNumber);
    for (const r of await Promise.all(numbered)) expect(leadPage.safeParse(r.body).error).toBeUndefined();
    const ordered = [...rows].sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime());
    expect((await list(id, '?limit=1')).body.items[0].name).toBe(ordered[0].name);
  });

  it('a status filter pages on its own index and counts from the counters', async () => {
    const id = await createCampaign(alice);
    await db.db.insert(schema.leads).values(Array.from({ length: 9 }, (_, i) => ({ campaignId: id, name: `S ${i}`, phone: `+1415556${String(1000 + i)}`, status: i < 4 ? ('completed' as const) : ('pending' as const) })));
    const first = await list(id, '?status=completed&limit=3');
    expect(first.body).toMatchObject({ total: 4, pageSize: 3 });
    const second = await list(id, `?status=completed&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].every((l: { status: string }) => l.status === 'completed')).toBe(true);
  });

  it('a cursor this API did not return is a 400 naming cursor', async () => {
    const id = await createCampaign(alice);
    for (const bad of ['nope', Buffer.from('2026-01-01|x').toString('base64url'), Buffer.from("2026-01-01T00:00:00.000000Z|'; drop table leads").toString('base64url')]) {
      const res = await list(id, `?cursor=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toHaveProperty('cursor');
    }
  });
});

describe('editing a lead', () => {
  it('edits the details and re-normalizes the phone', async () => {
    const id = await createCampaign(alice);
    const lead = (await add(id, { name: 'A', phone: '+14155550701', company: 'Old', email: 'a@old.com' })).body;
    const res = await put(id, lead.id, { name: 'A. Person', phone: '(415) 555-0702', company: null, email: 'a@new.com', timezone: 'Europe/London', context: { note: 'x' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: lead.id, name: 'A. Person', phone: '+14155550702', company: null, email: 'a@new.com', timezone: 'Europe/London', context: { note: 'x' }, status: 'pending' });
  });

  it('fields left out keep their values', async () => {
    const id = await createCampaign(alice);
    const lead = (await add(id, { name: 'A', phone: '+14155550711', company: 'Keep', context: { k: 1 } })).body;
    const res = await put(id, lead.id, { name: 'B' });
    expect(res.body).toMatchObject({ name: 'B', phone: '+14155550711', company: 'Keep', context: { k: 1 } });
  });

  it('a lead with a call in flight cannot be edited (409)', async () => {
    const id = await createCampaign(alice);
    const lead = (await add(id, { name: 'A', phone: '+14155550721' })).body;
    await db.db.update(schema.leads).set({ status: 'calling' }).where(eq(schema.leads.id, lead.id));
    const res = await put(id, lead.id, { name: 'B' });
    expect(res.status).toBe(409);
    const [row] = await db.db.select().from(schema.leads).where(eq(schema.leads.id, lead.id));
    expect(row.name).toBe('A');
  });

  it('a phone taken by another lead of the campaign or on the DNC list is a 409 naming phone; an invalid one a 422', async () => {
    const id = await createCampaign(alice);
    const lead = (await add(id, { name: 'A', phone: '+14155550731' })).body;
    await add(id, { name: 'B', phone: '+14155550732' });
    await db.db.insert(schema.dncNumbers).values({ workspaceId: alice.workspaceId, phone: '+14155550733' });
    for (const [phone, status] of [
      ['+14155550732', 409],
      ['4155550733', 409],
      ['12', 422],
    ] as const) {
      const res = await put(id, lead.id, { phone });
      expect(res.status, phone).toBe(status);
      expect(res.body.error.fields).toHaveProperty('phone');
    }
    expect((await put(id, lead.id, { phone: '+1 415 555 0731' })).status).toBe(200);
  });

  it('unknown fields and the engine’s own fields are refused with 422', async () => {
    const id = await createCampaign(alice);
    const lead = (await add(id, { name: 'A', phone: '+14155550741' })).body;
    expect((await put(id, lead.id, { status: 'completed' })).status).toBe(422);
  });

  it('a lead of another user’s campaign, or of another campaign, answers 404', async () => {
    const id = await createCampaign(alice);
    const other = await createCampaign(alice);
    const lead = (await add(id, { name: 'A', phone: '+14155550751' })).body;
    expect((await put(id, lead.id, { name: 'B' }, bob)).status).toBe(404);
    expect((await put(other, lead.id, { name: 'B' })).status).toBe(404);
    expect((await put(id, 'not-a-uuid', { name: 'B' })).status).toBe(404);
  });
});
