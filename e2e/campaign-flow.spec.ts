// A new user's first steps: sign up through the form and create a campaign through the campaign form, which
// lands on the Leads tab with the import open. Importing, running and the calls are their own specs
// (lead-import, campaign-run), each with its own data, so a failure names its step.
import { test, expect, type Page } from '@playwright/test';
import { newUser, signedOut, snap } from './utils';

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

test('a new user signs up and creates a campaign through the form', async ({ page }) => {
  test.setTimeout(120_000);
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
  await expect(page.getByRole('heading', { name: campaignName })).toBeVisible();
  await expect(page.getByTestId('csv-dropzone')).toBeVisible();

  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
});
