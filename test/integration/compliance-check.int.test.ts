// The check API and blackouts through the real route handlers: one decision path (the owner's DNC list,
// blackouts, the campaign's windows and consent basis), batch order and limits, and field errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as dncRoute } from '@/app/api/dnc/route';
import { POST as checkRoute } from '@/app/api/compliance/check/route';
import { GET as listBlackoutsRoute, POST as createBlackoutRoute } from '@/app/api/compliance/blackouts/route';
import { DELETE as deleteBlackoutRoute } from '@/app/api/compliance/blackouts/[id]/route';
import { schema } from '@/db';
import { ManualClock, setAppClock } from '@/lib/clock';
import { call, type TestUser, createCampaign, apiFixtures } from '@/test/fixtures';

// Wednesday 11:00 in New York and Miami.
const NOON_ISH = '2026-06-17T15:00:00.000Z';
const clock = new ManualClock(NOON_ISH);

// Set first, so the users sign up on the test's clock.
beforeAll(() => setAppClock(clock));
const { db, users: [alice, bob] } = apiFixtures('Alice', 'Bob');
afterAll(async () => {
  setAppClock(undefined);
});

const check = (body: unknown, user: TestUser | null = alice) => call(checkRoute, { path: '/api/compliance/check', method: 'POST', token: user?.token, body });
const addBlackout = (body: unknown, user: TestUser = alice) => call(createBlackoutRoute, { path: '/api/compliance/blackouts', method: 'POST', token: user.token, body });

describe('checking one number', () => {
  it('allows a New York number at 11:00 local and says which zones, jurisdictions and rules it read', async () => {
    const res = await check({ phone: '(212) 555-0101' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ allowed: true, phone: '+12125550101', at: NOON_ISH, reasons: [], nextAllowedAt: NOON_ISH });
    expect(res.body.zones).toEqual([{ zone: 'America/New_York', localTime: '2026-06-17T11:00:00' }]);
    expect(res.body.jurisdiction).toEqual(['US', 'US-NY']);
    expect(res.body.rulesApplied).toContain('us-federal-hours');
    expect(Array.isArray(res.body.notes)).toBe(true);
  });

  it('refuses at 03:00 local with the federal rule and its source, and gives 08:00 local as the next allowed time', async () => {
    const res = await check({ phone: '+12125550101', at: '2026-06-17T07:00:00Z' });
    expect(res.body.allowed).toBe(false);
    expect(res.body.reasons).toEqual([expect.objectContaining({ rule: 'us-federal-hours', source: '47 CFR 64.1200(c)(1)', zone: 'America/New_York' })]);
    expect(res.body.nextAllowedAt).toBe('2026-06-17T12:00:00.000Z');
  });

  it('holds a declared zone as well as the number’s: a New York number declared Pacific waits for 08:00 in Los Angeles', async () => {
    const res = await check({ phone: '+12125550101', timezone: 'Pacific', at: '2026-06-17T13:00:00Z' });
    expect(res.body.allowed).toBe(false);
    expect(res.body.zones.map((z: { zone: string }) => z.zone)).toEqual(['America/Los_Angeles', 'America/New_York']);
    expect(res.body.nextAllowedAt).toBe('2026-06-17T15:00:00.000Z');
  });

  it('applies a declared state’s rules: a New York number declared FL is held to Florida’s 20:00 end', async () => {
    const at = '2026-06-17T00:30:00Z'; // 20:30 in New York and Miami
    const res = await check({ phone: '+12125550101', state: 'Florida', at });
    expect(res.body.jurisdiction).toEqual(['US', 'US-FL', 'US-NY']);
    expect(res.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['us-fl-hours-cap']);
  });

  it('refuses a number on the user’s own do-not-call list, and only the user’s', async () => {
    const added = await call(dncRoute, { path: '/api/dnc', method: 'POST', token: alice.token, body: { phone: '+13125550199', reason: 'asked' } });
    expect(added.status).toBe(200);
    const mine = await check({ phone: '312-555-0199' });
    expect(mine.body.allowed).toBe(false);
    expect(mine.body.reasons).toEqual([expect.objectContaining({ rule: 'dnc', source: expect.stringContaining('owner do-not-call list') })]);
    const bobs = await check({ phone: '312-555-0199' }, bob);
    expect(bobs.body.allowed).toBe(true);
  });

  it('names the bad field: phone, timezone, state, at', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ phone: 'not a number' }, 'phone'],
      [{ phone: '' }, 'phone'],
      [{ phone: '+12125550101', timezone: 'Mars/Olympus' }, 'timezone'],
      [{ phone: '+12125550101', state: 'Atlantis' }, 'state'],
      [{ phone: '+12125550101', at: 'tomorrow morning' }, 'at'],
      [{ phone: '+12125550101', campaignId: 'nope' }, 'campaignId'],
    ];
    for (const [body, field] of cases) {
      const res = await check(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
  });

  it('answers 401 without a session', async () => {
    expect((await check({ phone: '+12125550101' }, null)).status).toBe(401);
  });
});

describe('checking with a campaign', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = await createCampaign(alice, { callWindows: [{ dayOfWeek: 3, startHour: 12, endHour: 17 }] });
  });

  it('applies the campaign’s windows and its consent basis (prior express written consent by default)', async () => {
    const res = await check({ phone: '+12125550102', campaignId });
    expect(res.body.allowed).toBe(false);
    expect(res.body.reasons.map((r: { rule: string }) => r.rule).sort()).toEqual(['campaign_window', 'consent']);
    expect(res.body.nextAllowedAt).toBe('2026-06-17T16:00:00.000Z');
  });

  it('reads the consent record of the campaign’s lead with that number', async () => {
    // The lead API does not take consent fields yet (the import does); the row is written as an import would.
    const [lead] = await db.db
      .insert(schema.leads)
      .values({ campaignId, name: 'Consenting lead', phone: '+12125550103', consentAt: new Date('2026-06-01T10:00:00Z'), consentSource: 'web form' })
      .returning({ id: schema.leads.id });
    const res = await check({ phone: '+12125550103', campaignId, at: '2026-06-17T17:00:00Z' });
    expect(res.body).toMatchObject({ allowed: true, leadId: lead.id, campaignId });
    expect(res.body.notes).toContain("the campaign's lead with this number supplied its consent record");
  });

  it('answers 404 for another user’s campaign', async () => {
    const res = await check({ phone: '+12125550102', campaignId }, bob);
    expect(res.status).toBe(404);
  });
});

describe('checking a batch', () => {
  it('answers in the order asked, with one result per check', async () => {
    const res = await check({
      checks: [
        { phone: '+12125550111' },
        { phone: '+12125550112', at: '2026-06-17T07:00:00Z' },
        { phone: '+13125550199' },
        { phone: '415 555 0113', timezone: 'America/Los_Angeles' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { phone: string; allowed: boolean }) => [r.phone, r.allowed])).toEqual([
      ['+12125550111', true],
      ['+12125550112', false],
      ['+13125550199', false],
      ['+14155550113', true],
    ]);
    expect(res.body.results[2].reasons[0].rule).toBe('dnc');
  });

  it('takes a batch-wide at, which a check’s own at overrides', async () => {
    const res = await check({ at: '2026-06-17T07:00:00Z', checks: [{ phone: '+12125550111' }, { phone: '+12125550111', at: NOON_ISH }] });
    expect(res.body.results.map((r: { allowed: boolean }) => r.allowed)).toEqual([false, true]);
  });

  it('takes 1,000 numbers and refuses 1,001 with 413 naming checks', async () => {
    const checks = (n: number) => Array.from({ length: n }, (_, i) => ({ phone: `+1212555${String(i).padStart(4, '0')}` }));
    const ok = await check({ checks: checks(1000) });
    expect(ok.status).toBe(200);
    expect(ok.body.results).toHaveLength(1000);
    expect(ok.body.results[999].phone).toBe('+12125550999');
    const tooMany = await check({ checks: checks(1001) });
    expect(tooMany.status).toBe(413);
    expect(Object.keys(tooMany.body.error.fields)).toEqual(['checks']);
    const none = await check({ checks: [] });
    expect(none.status).toBe(422);
    expect(Object.keys(none.body.error.fields)).toEqual(['checks']);
  });

  it('names the bad field with its index', async () => {
    const bad = await check({ checks: [{ phone: '+12125550111' }, { phone: '+12125550112', state: 'Narnia' }, { phone: '+12125550113' }, { phone: '12' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toHaveProperty(['checks.1.state']);
    const phone = await check({ checks: [{ phone: '+12125550111' }, { phone: '+12125550112' }, { phone: '+12125550113' }, { phone: '12' }] });
    expect(phone.status).toBe(422);
    expect(Object.keys(phone.body.error.fields)).toEqual(['checks.3.phone']);
    const at = await check({ checks: [{ phone: '+12125550111', at: 'soon' }] });
    expect(Object.keys(at.body.error.fields)).toEqual(['checks.0.at']);
  });
});

describe('blackouts', () => {
  const span = { startsAt: '2026-06-17T12:00:00Z', endsAt: '2026-06-18T12:00:00Z' };

  it('normalises the region and refuses an unknown one or an end before the start', async () => {
    for (const [region, normalised] of [['FL', 'US-FL'], ['Florida', 'US-FL'], ['us-fl', 'US-FL'], ['CA-ON', 'CA-ON'], ['US', 'US']]) {
      const res = await addBlackout({ region, ...span }, bob);
      expect(res.status).toBe(201);
      expect(res.body.region).toBe(normalised);
    }
    const unknown = await addBlackout({ region: 'Atlantis', ...span });
    expect(unknown.status).toBe(422);
    expect(Object.keys(unknown.body.error.fields)).toEqual(['region']);
    const backwards = await addBlackout({ region: 'FL', startsAt: span.endsAt, endsAt: span.startsAt });
    expect(backwards.status).toBe(422);
    expect(Object.keys(backwards.body.error.fields)).toEqual(['endsAt']);
    const same = await addBlackout({ region: 'FL', startsAt: span.startsAt, endsAt: span.startsAt });
    expect(Object.keys(same.body.error.fields)).toEqual(['endsAt']);
    const badDate = await addBlackout({ region: 'FL', startsAt: 'now', endsAt: span.endsAt });
    expect(Object.keys(badDate.body.error.fields)).toEqual(['startsAt']);
  });

  it('refuses calls to the region while it holds; another user’s blackout does not apply; deleting lifts it', async () => {
    // Bob's US-wide blackouts above must not touch Alice's checks.
    expect((await check({ phone: '+13055550120' })).body.allowed).toBe(true);
    const created = await addBlackout({ region: 'Florida', ...span, reason: 'Hurricane state of emergency' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ region: 'US-FL', state: 'in_force', reason: 'Hurricane state of emergency' });

    const miami = await check({ phone: '+13055550120' });
    expect(miami.body.allowed).toBe(false);
    expect(miami.body.reasons).toEqual([expect.objectContaining({ rule: 'blackout', source: 'Hurricane state of emergency', jurisdiction: 'US-FL' })]);
    expect(miami.body.nextAllowedAt).toBe(span.endsAt.replace('Z', '.000Z'));
    const declared = await check({ phone: '+12125550120', state: 'FL' });
    expect(declared.body.reasons.map((r: { rule: string }) => r.rule)).toEqual(['blackout']);
    expect((await check({ phone: '+12125550120' })).body.allowed).toBe(true);
    expect((await check({ phone: '+13055550120', at: '2026-06-18T13:00:00Z' })).body.allowed).toBe(true);
    expect((await check({ phone: '+13055550120' }, bob)).body.reasons.map((r: { rule: string }) => r.rule)).toContain('blackout');

    const listed = await call(listBlackoutsRoute, { path: '/api/compliance/blackouts', token: alice.token });
    expect(listed.body.items.map((b: { id: string }) => b.id)).toEqual([created.body.id]);

    const id = created.body.id;
    const del = (user: TestUser) => call(deleteBlackoutRoute, { path: `/api/compliance/blackouts/${id}`, method: 'DELETE', token: user.token, params: { id } });
    expect((await del(bob)).status).toBe(404);
    expect((await check({ phone: '+13055550120' })).body.allowed).toBe(false);
    expect((await del(alice)).status).toBe(200);
    expect((await del(alice)).status).toBe(404);
    expect((await check({ phone: '+13055550120' })).body.allowed).toBe(true);
    expect((await call(deleteBlackoutRoute, { path: '/api/compliance/blackouts/x', method: 'DELETE', token: alice.token, params: { id: 'x' } })).status).toBe(404);
  });

  it('answers 401 without a session', async () => {
    expect((await call(listBlackoutsRoute, { path: '/api/compliance/blackouts' })).status).toBe(401);
  });
});
