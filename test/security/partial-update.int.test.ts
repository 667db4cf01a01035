import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createRoute } from '@/app/api/campaigns/route';
import { GET as getRoute, PATCH as patchRoute, PUT as putRoute } from '@/app/api/campaigns/[id]/route';
import { call, signUp, validCampaign, type TestUser } from '@/test/api';
import { useTestDb, type TestDb } from '@/test/db';

let db: TestDb;
let alice: TestUser;

beforeAll(async () => {
  db = await useTestDb();
  alice = await signUp('Alice');
});
afterAll(async () => db.drop());

// Every setting that has a default, set to something else.
const customised = {
  ...validCampaign,
  maxConcurrentCalls: 9,
  retryRules: { noAnswerDelaysHours: [2, 8], busyDelaysHours: [1], failedDelaysHours: [3], voicemail: 'never' },
  qualificationCriteria: [{ field: 'budget', type: 'number', operator: '>=', value: 1000, weight: 10 }],
  minQualificationScore: 40,
  defaultRegion: 'GB',
  recordCalls: true,
  recordingDisclosure: 'We record.',
  costPerMinute: 0.2,
  agentCostPerMinute: 0.1,
};

async function createCustomised() {
  const res = await call(createRoute, { path: '/api/campaigns', method: 'POST', token: alice.token, body: customised });
  expect(res.status).toBe(201);
  return res.body;
}

const { name: _name, description: _description, ...settings } = customised;

describe.each([
  ['PATCH', patchRoute],
  ['PUT', putRoute],
])('%s /api/campaigns/:id changes only the fields it is sent', (method, route) => {
  it('a rename keeps every other setting', async () => {
    const c = await createCustomised();
    const res = await call(route, { path: `/api/campaigns/${c.id}`, method, token: alice.token, params: { id: c.id }, body: { name: 'renamed' } });
    expect(res.status).toBe(200);
    const after = (await call(getRoute, { path: `/api/campaigns/${c.id}`, token: alice.token, params: { id: c.id } })).body;
    expect(after.name).toBe('renamed');
    expect(after).toMatchObject(settings);
  });

  it('retryRules keys sent replace those keys; the others are kept', async () => {
    const c = await createCustomised();
    const res = await call(route, { path: `/api/campaigns/${c.id}`, method, token: alice.token, params: { id: c.id }, body: { retryRules: { busyDelaysHours: [6] } } });
    expect(res.status).toBe(200);
    expect(res.body.retryRules).toEqual({ ...customised.retryRules, busyDelaysHours: [6] });
    expect(res.body).toMatchObject({ ...settings, retryRules: { ...customised.retryRules, busyDelaysHours: [6] } });
  });

  it('nextActions keys sent replace those keys; the others are kept', async () => {
    const c = await createCustomised();
    await call(route, { path: `/api/campaigns/${c.id}`, method, token: alice.token, params: { id: c.id }, body: { nextActions: { qualified: 'send_proposal' } } });
    const res = await call(route, { path: `/api/campaigns/${c.id}`, method, token: alice.token, params: { id: c.id }, body: { nextActions: { voicemail: 'callback' } } });
    expect(res.status).toBe(200);
    expect(res.body.nextActions).toMatchObject({ qualified: 'send_proposal', voicemail: 'callback' });
  });
});
