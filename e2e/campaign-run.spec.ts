// Running a campaign on the LiveKit simulator: start it and watch the counters move without a reload, pause and
// resume, see it on the campaigns list (desktop and phone), read a scored call in the drawer, and the analytics.
// Its campaign and leads are made through the API; this spec owns them.
import { test, expect } from '@playwright/test';
import { createCampaignByApi, leadsCsv, numberIn, phoneHeader, snap } from './utils';

const criteria = [
  { label: 'Budget of at least $10k', field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 40 },
  { label: 'Talks to the decision maker', field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 30 },
  { label: 'Buying within a month', field: 'timeline', type: 'string', operator: 'in', value: ['immediate', 'within_month'], weight: 30 },
];

test('runs a campaign, pauses and resumes it, and reads its scored calls and analytics', async ({ page }) => {
  test.setTimeout(300_000);
  const campaignName = `E2E run ${Date.now()}`;
  const { id } = await createCampaignByApi(page, { name: campaignName, qualificationCriteria: criteria });
  const campaignUrl = `/campaigns/${id}`;
  // The CSV with a phone column the import recognises (the lead-import spec maps one by hand).
  const upload = await page.request.post(`/api/campaigns/${id}/leads/upload`, {
    multipart: { file: { name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(leadsCsv(50, { firstNumber: 200 }).replace(phoneHeader, 'Phone')) } },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  expect((await upload.json()).inserted).toBe(50);
  await page.goto(campaignUrl);

  // Start and watch the counters move without a reload.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByTestId('ready-checklist')).toContainText('50 leads imported');
  await page.evaluate(() => ((window as unknown as { __e2eNoReload: boolean }).__e2eNoReload = true));
  await page.getByTestId('campaign-start').click();
  const status = page.getByTestId('campaign-status').first();
  await expect(status).toHaveText('Active');
  await expect.poll(() => numberIn(page, 'metric-called'), { timeout: 60_000, message: 'the first lead is called' }).toBeGreaterThan(0);
  const firstCount = await numberIn(page, 'metric-called');
  await expect.poll(() => numberIn(page, 'metric-called'), { timeout: 60_000, message: 'more leads are called' }).toBeGreaterThan(firstCount);
  expect(await page.evaluate(() => (window as unknown as { __e2eNoReload?: boolean }).__e2eNoReload)).toBe(true);
  await snap(page, '04-campaign-overview-running');

  // Pause, then resume.
  await page.getByTestId('campaign-pause').click();
  await expect(status).toHaveText('Paused');
  await expect(page.getByTestId('campaign-resume')).toBeVisible();
  const calledWhenPaused = await numberIn(page, 'metric-called');
  await page.getByTestId('campaign-resume').click();
  await expect(status).toHaveText('Active');
  await expect
    .poll(async () => {
      const called = await numberIn(page, 'metric-called');
      return called > calledWhenPaused || called === 50;
    }, { timeout: 60_000, message: 'calling goes on after resume' })
    .toBe(true);

  // The campaigns list shows it running, on a desktop and on a phone.
  await page.goto('/campaigns');
  const row = page.getByTestId('campaign-row').filter({ hasText: campaignName });
  await expect(row).toContainText('Active');
  await snap(page, '02-campaigns-list');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(row).toContainText('Active');
  await snap(page, '02-campaigns-list-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A finished conversation: transcript and score in the drawer.
  await page.goto(`${campaignUrl}?tab=calls`);
  const conversations = page.locator(
    ':is([data-outcome="qualified"], [data-outcome="unqualified"], [data-outcome="not_interested"], [data-outcome="callback_requested"], [data-outcome="completed"])[data-testid="call-row"]',
  );
  await expect(conversations.first()).toBeVisible({ timeout: 90_000 });
  const scored = conversations.filter({ has: page.getByTestId('call-score').filter({ hasText: /^\d+$/ }) });
  await expect(scored.first()).toBeVisible({ timeout: 30_000 });
  // A qualified call, when there is one yet, shows the most in the drawer.
  const qualified = scored.and(page.locator('[data-outcome="qualified"]'));
  const candidate = (await qualified.count()) > 0 ? qualified.first() : scored.first();
  // The list refreshes as calls come in: pin the row by its button's name ("… attempt N").
  const open = page.getByRole('button', { name: (await candidate.getByRole('button').first().getAttribute('aria-label'))!, exact: true });
  const call = page.getByTestId('call-row').filter({ has: open });
  const leadName = (await open.textContent())!.trim();
  const rowScore = (await call.getByTestId('call-score').textContent())!.trim();
  await open.click();
  const drawer = page.getByTestId('call-drawer');
  await expect(drawer.getByRole('heading', { name: leadName })).toBeVisible();
  await expect(drawer.getByTestId('score')).toHaveText(rowScore);
  await expect(drawer.getByText('/ 100')).toBeVisible();
  await expect(drawer.getByText('Qualifies at 70 or more')).toBeVisible();
  const breakdown = drawer.getByTestId('score-breakdown');
  await expect(breakdown.getByRole('listitem')).toHaveCount(3);
  await expect(breakdown).toContainText('Budget of at least $10k');
  await expect(breakdown).toContainText('Talks to the decision maker');
  await expect(breakdown).toContainText('Buying within a month');
  const transcript = drawer.getByTestId('transcript');
  await expect.poll(() => transcript.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
  await expect(transcript).toContainText('Agent');
  await snap(page, '06-call-drawer');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Analytics: charts drawn from real calls.
  await page.getByRole('tab', { name: 'Analytics' }).click();
  const analytics = page.getByTestId('analytics');
  await expect(analytics).toBeVisible();
  await expect(page.getByTestId('funnel-leads')).toHaveAttribute('data-value', '50');
  await expect.poll(async () => Number(await page.getByTestId('funnel-called').getAttribute('data-value'))).toBeGreaterThan(0);
  await expect.poll(async () => Number(await page.getByTestId('funnel-connected').getAttribute('data-value'))).toBeGreaterThan(0);
  await expect.poll(() => analytics.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(3);
  await expect.poll(() => analytics.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  await snap(page, '07-analytics');

});
