// Compliance in the browser: "can I call this number now?", a blackout that stops calls to a state, and a
// campaign's Compliance tab, empty and after the simulator has placed calls.
import { test, expect } from '@playwright/test';
import { daytimeRegions, snap } from './utils';

const allDay = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startHour: 0, endHour: 24 }));

test('checks numbers, declares and lifts a blackout, and reads a campaign’s compliance', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/compliance');
  await expect(page.getByRole('heading', { name: 'Compliance', level: 1 })).toBeVisible();

  // 03:00 UTC is 23:00 the evening before in New York: outside the federal 08:00–21:00.
  await page.getByLabel('Phone number').fill('(212) 555-0100');
  await page.getByLabel('Time (optional)').fill('2026-06-17T03:00');
  await page.getByTestId('check-number').click();
  await expect(page.getByTestId('check-verdict')).toHaveText('Refused: +12125550100');
  await expect(page.getByTestId('compliance-reason').first()).toContainText('47 CFR 64.1200(c)(1)');
  await expect(page.getByTestId('next-allowed')).toContainText('Jun 17, 2026');
  await expect(page.getByLabel('Time zones')).toContainText('America/New York');
  await snap(page, 'compliance-01-check-refused');

  await page.getByLabel('Time (optional)').fill('2026-06-17T15:00');
  await page.getByTestId('check-number').click();
  await expect(page.getByTestId('check-verdict')).toHaveText('Allowed: +12125550100');

  await page.getByLabel('State (optional)').fill('Narnia');
  await page.getByTestId('check-number').click();
  await expect(page.getByRole('form', { name: 'Check a number' }).getByRole('alert')).toContainText('State must be a US state');
  await page.getByLabel('State (optional)').fill('');

  // A Florida blackout from an hour ago to tomorrow refuses a Miami number now.
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const now = new Date();
  await page.getByLabel('Region').fill('Florida');
  await page.getByLabel('Reason (optional)').fill('State of emergency: hurricane');
  await page.getByLabel('Starts').fill(local(new Date(now.getTime() - 3_600_000)));
  await page.getByLabel('Ends').fill(local(new Date(now.getTime() + 86_400_000)));
  await page.getByTestId('add-blackout').click();
  await expect(page.getByTestId('blackout-row')).toHaveCount(1);
  await expect(page.getByTestId('blackout-row')).toContainText('US-FL');
  await expect(page.getByTestId('blackout-row')).toContainText('In force');

  await page.getByLabel('Phone number').fill('+13055550100');
  await page.getByLabel('Time (optional)').fill('');
  await page.getByTestId('check-number').click();
  await expect(page.getByTestId('check-verdict')).toHaveText('Refused: +13055550100');
  // Outside calling hours (by the wall clock) the hours rules are listed too: find the blackout's reason among them.
  await expect(page.getByTestId('compliance-reason').filter({ hasText: 'State of emergency: hurricane' })).toBeVisible();
  await snap(page, 'compliance-02-blackout');

  await page.getByRole('button', { name: 'Lift the US-FL blackout' }).click();
  await page.getByRole('button', { name: 'Lift blackout' }).click();
  await expect(page.getByRole('heading', { name: 'No blackouts' })).toBeVisible();

  // A campaign with no calls yet: nothing to report, no violations.
  const base = { description: 'Created by the compliance browser test.', timezone: 'UTC', callWindows: allDay, maxCallsPerDay: 100, maxCallsPerLead: 1, maxConcurrentCalls: 2, consentBasis: 'informational' };
  const empty = await page.request.post('/api/campaigns', { data: { ...base, name: `E2E compliance empty ${Date.now()}` } });
  expect(empty.status()).toBe(201);
  await page.goto(`/campaigns/${(await empty.json()).id}?tab=compliance`);
  await expect(page.getByTestId('calls-placed')).toHaveText('0');
  await expect(page.getByRole('heading', { name: 'No violations' })).toBeVisible();
  await expect(page.getByTestId('export-evidence')).toBeVisible();

  // A campaign that places calls on the simulator: its tab counts them and accounts for every one.
  const created = await page.request.post('/api/campaigns', { data: { ...base, name: `E2E compliance calls ${Date.now()}` } });
  const campaignId = (await created.json()).id as string;
  const region = daytimeRegions()[0];
  for (let i = 0; i < 2; i++) {
    const lead = await page.request.post(`/api/campaigns/${campaignId}/leads/add`, { data: { name: `Compliance lead ${i + 1}`, phone: region.number(800 + i), timezone: region.zone } });
    expect(lead.status(), await lead.text()).toBe(201);
  }
  expect((await page.request.post(`/api/campaigns/${campaignId}/start`)).ok()).toBeTruthy();
  await expect.poll(async () => (await (await page.request.get(`/api/campaigns/${campaignId}/compliance`)).json()).callsPlaced, { timeout: 120_000 }).toBe(2);

  await page.goto(`/campaigns/${campaignId}?tab=compliance`);
  await expect(page.getByTestId('calls-placed')).toHaveText('2');
  const report = await (await page.request.get(`/api/campaigns/${campaignId}/compliance`)).json();
  if (report.violationCount === 0) await expect(page.getByRole('heading', { name: 'No violations' })).toBeVisible();
  else await expect(page.getByTestId('violations').getByRole('listitem').filter({ has: page.getByRole('button', { name: 'View call' }) })).toHaveCount(report.violationCount);
  await snap(page, 'compliance-03-campaign-tab');

  // The call drawer shows the evidence the call stored (when the call detail carries it).
  const firstCall = (await (await page.request.get(`/api/campaigns/${campaignId}/calls?pageSize=1`)).json()).items[0];
  const detail = await (await page.request.get(`/api/calls/${firstCall.id}`)).json();
  if (report.violationCount > 0) await page.getByRole('button', { name: 'View call' }).first().click();
  else {
    await page.goto(`/campaigns/${campaignId}?tab=calls`);
    await page.getByTestId('call-row').first().click();
  }
  await expect(page.getByTestId('call-drawer')).toBeVisible();
  if (detail.compliance !== undefined) await expect(page.getByTestId('call-compliance')).toBeVisible();
  await snap(page, 'compliance-04-call-drawer');

  const csv = await page.request.get(`/api/campaigns/${campaignId}/compliance/export`);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(3);
});
