// The whole journey of a new user: sign up, create a campaign, import leads, run it, read the
// calls and the analytics. Against the production build and the LiveKit simulator.
import { test, expect, type Page } from '@playwright/test';
import { dropFile, leadsCsv, newUser, numberIn, phoneHeader, signedOut, snap } from './utils';

// This journey starts signed out: the user signs up through the form.
test.use({ storageState: signedOut });

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const dayNumber: Record<string, number> = { Sunday: 0, Monday: 1, Tuesday: 2, Wednesday: 3, Thursday: 4, Friday: 5, Saturday: 6 };

/** Every day 00:00–12:00 and 12:00–24:00, set through the window editor. */
async function callAllDay(page: Page) {
  await page.getByRole('button', { name: 'Every day 9–20' }).click();
  for (const day of weekdays) {
    const row = page.getByTestId(`window-day-${dayNumber[day]}`);
    await row.getByLabel(`${day} window 1 starts at`).selectOption('0');
    await row.getByLabel(`${day} window 1 ends at`).selectOption('12');
    await row.getByRole('button', { name: `Add another window on ${day}` }).click();
    await row.getByLabel(`${day} window 2 ends at`).selectOption('24');
    await row.getByLabel(`${day} window 2 starts at`).selectOption('12');
  }
}

type Criterion = { label: string; field: string; type: string; operator: string; value?: string; weight: string };

async function addCriterion(page: Page, index: number, c: Criterion) {
  await page.getByTestId('add-criterion').click();
  const id = (name: string) => page.locator(`#qualificationCriteria-${index}-${name}`);
  await id('label').fill(c.label);
  await id('field').fill(c.field);
  await id('type').selectOption(c.type);
  await id('operator').selectOption(c.operator);
  if (c.value !== undefined) {
    if (c.type === 'boolean') await id('value').selectOption(c.value);
    else await id('value').fill(c.value);
  }
  await id('weight').fill(c.weight);
}

test('a new user signs up, imports leads, runs a campaign and reads its calls and analytics', async ({ page }) => {
  test.setTimeout(300_000);
  const user = newUser('flow');

  // Sign up through the form.
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await snap(page, '01-sign-in');
  await page.getByRole('link', { name: 'Create one' }).click();
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Work email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByRole('heading', { name: 'No campaigns yet' })).toBeVisible();

  // Create the campaign through the form.
  await page.getByTestId('new-campaign').click();
  await expect(page).toHaveURL(/\/campaigns\/new$/);
  const campaignName = `E2E pipeline ${Date.now()}`;
  await page.getByLabel('Name', { exact: true }).fill(campaignName);
  await page.getByLabel('Description').fill('Created by the browser test.');
  await page.getByTestId('timezone-picker').click();
  await page.getByRole('searchbox', { name: 'Search time zones' }).fill('UTC');
  await page.getByRole('searchbox', { name: 'Search time zones' }).press('Enter');
  await expect(page.getByTestId('timezone-picker')).toContainText(/^UTC/);
  await callAllDay(page);
  await addCriterion(page, 0, { label: 'Budget of at least $10k', field: 'budget', type: 'number', operator: '>=', value: '10000', weight: '40' });
  await addCriterion(page, 1, { label: 'Talks to the decision maker', field: 'decision_maker', type: 'boolean', operator: '==', value: 'true', weight: '30' });
  await addCriterion(page, 2, { label: 'Buying within a month', field: 'timeline', type: 'string', operator: 'in', value: 'immediate, within_month', weight: '30' });
  await expect(page.getByTestId('criterion-row')).toHaveCount(3);
  await snap(page, '03-new-campaign-form');
  await page.getByTestId('save-campaign').click();

  // Lands on the Leads tab with the import open, since the campaign has no leads.
  await expect(page).toHaveURL(/\/campaigns\/[^/?]+\?tab=leads$/);
  const campaignUrl = page.url().replace(/\?.*$/, '');
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
  await expect(page.getByTestId('csv-dropzone')).toBeVisible();

  // Drop a CSV whose phone column the import cannot recognise; map it by hand.
  await dropFile(page, 'csv-dropzone', { name: 'e2e-leads.csv', type: 'text/csv', content: leadsCsv(50) });
  const mapping = page.getByTestId('csv-mapping');
  await expect(mapping).toBeVisible();
  await expect(mapping.getByText('50 rows')).toBeVisible();
  const phoneColumn = mapping.getByLabel(`Column “${phoneHeader}” imports as`);
  await expect(phoneColumn).toHaveValue('context');
  await expect(mapping.getByRole('alert')).toContainText('No phone column');
  await expect(page.getByTestId('start-import')).toBeDisabled();
  await phoneColumn.selectOption('phone');
  await expect(mapping.getByRole('alert')).toHaveCount(0);
  await expect(mapping.getByLabel('Column “Full Name” imports as')).toHaveValue('name');
  await expect(mapping.getByLabel('Column “timezone” imports as')).toHaveValue('timezone');
  await page.getByTestId('start-import').click();

  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report).toContainText('50 rows read');
  await expect(report.locator('div', { hasText: 'Imported' }).locator('dd')).toHaveText('50');
  await expect(report.locator('div', { hasText: 'Rejected' }).locator('dd')).toHaveText('0');
  await expect(page.getByRole('table', { name: 'Leads' }).getByRole('row')).toHaveCount(26); // header + a page of 25
  await expect(page.getByText('of 50 leads')).toBeVisible();
  await snap(page, '05-leads-import-report');

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

  // The do-not-call list takes a number and lists it.
  await page.getByRole('link', { name: 'Do-not-call list' }).first().click();
  await expect(page).toHaveURL(/\/dnc$/);
  await page.getByLabel('Phone number').fill('+1 415 555 0199');
  await page.getByLabel('Reason (optional)').fill('Asked by email');
  await page.getByTestId('add-dnc').click();
  await expect(page.getByTestId('dnc-row').filter({ hasText: '+14155550199' })).toContainText('Asked by email');
  await snap(page, '08-dnc');
});
