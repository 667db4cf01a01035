import { describe, expect, it } from 'vitest';
import { GET as getRoute, PATCH as patchRoute, PUT as putRoute } from '@/app/api/campaigns/[id]/route';
import { call, validCampaign, createCampaignAnswer, apiFixtures } from '@/test/fixtures';

const { users: [alice] } = apiFixtures('Alice');

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

const createCustomised = () => createCampaignAnswer(alice, customised);

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
