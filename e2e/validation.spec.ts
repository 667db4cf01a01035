// What the user is told when something is wrong or missing: errors at the field, from the
// shared zod schema and from the API, and empty states that say what to do next.
import { expect, test, type Page } from '@playwright/test';
import { newUser, sharedUser, signedOut, snap } from './utils';

async function createCampaignViaApi(page: Page, name: string): Promise<string> {
  const response = await page.request.post('/api/campaigns', {
    data: { name, timezone: 'UTC', callWindows: [{ dayOfWeek: 1, startHour: 9, endHour: 17 }], maxCallsPerDay: 100, maxCallsPerLead: 3 },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test.describe('signed out', () => {
  test.use({ storageState: signedOut });

  test('sign-in with a wrong password says so and keeps the user on the form', async ({ page }) => {
    const user = sharedUser();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('form').getByRole('alert')).toHaveText(/invalid email or password/i);
    await expect(page).toHaveURL(/\/sign-in/);
    await snap(page, '01-sign-in-error');

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/campaigns$/);
  });

  test('sign-up checks each field, refuses a taken email, and a new account starts with no campaigns and a way to create one', async ({ page }) => {
    await page.goto('/sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('#name-error')).toHaveText('Enter your name');
    await expect(page.locator('#email-error')).toHaveText('Enter a valid email address');
    await expect(page.locator('#password-error')).toHaveText('Use at least 8 characters');
    await expect(page.getByLabel('Work email')).toHaveAttribute('aria-invalid', 'true');

    // The API's answer for an email that has an account already.
    const user = newUser('signup');
    await page.getByLabel('Name').fill(user.name);
    await page.getByLabel('Work email').fill(sharedUser().email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('form').getByRole('alert')).toHaveText(/already exists/i);
    await expect(page).toHaveURL(/\/sign-up$/);

    await page.getByLabel('Work email').fill(user.email);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/campaigns$/);
    await expect(page.getByRole('button', { name: `Account: ${user.email}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No campaigns yet' })).toBeVisible();
    await expect(page.getByText('import your leads from a CSV, then press Start')).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'New campaign' }).last().click();
    await expect(page).toHaveURL(/\/campaigns\/new$/);
  });
});

test('the campaign form shows the schema’s errors at each field and sends nothing until they are fixed', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/campaigns') posts.push(r.url());
  });
  await page.goto('/campaigns/new');
  await expect(page.getByRole('form', { name: 'New campaign' })).toBeVisible();

  // Monday's window ends before it starts; a criterion has no value.
  const monday = page.getByTestId('window-day-1');
  await monday.getByLabel('Monday window 1 starts at').selectOption('17');
  await monday.getByLabel('Monday window 1 ends at').selectOption('9');
  await page.getByTestId('add-criterion').click();
  await page.locator('#qualificationCriteria-0-field').fill('budget');
  await page.locator('#qualificationCriteria-0-type').selectOption('number');
  await page.locator('#qualificationCriteria-0-operator').selectOption('>=');
  await page.getByTestId('save-campaign').click();

  const nameInput = page.getByLabel('Name', { exact: true });
  await expect(page.locator('#name-error')).toHaveText('Name is required');
  await expect(nameInput).toHaveAttribute('aria-invalid', 'true');
  await expect(nameInput).toBeFocused();
  await expect(monday.getByRole('alert')).toHaveText('The window must end after it starts');
  await expect(monday.getByLabel('Monday window 1 ends at')).toHaveAttribute('aria-invalid', 'true');
  const criterion = page.getByTestId('criterion-row');
  await expect(criterion.getByRole('alert')).toHaveText(/value is required for budget/i);
  await expect(page.locator('#qualificationCriteria-0-value')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'fields need attention' })).toHaveText('3 fields need attention');
  await snap(page, '03-new-campaign-form-errors');

  // Each message clears as its field is fixed.
  await nameInput.fill('Fixed campaign');
  await expect(page.locator('#name-error')).toHaveCount(0);
  await monday.getByLabel('Monday window 1 ends at').selectOption('20');
  await expect(monday.getByRole('alert')).toHaveCount(0);
  await page.locator('#qualificationCriteria-0-value').fill('10000');
  await expect(criterion.getByRole('alert')).toHaveCount(0);
  expect(posts).toEqual([]);

  await page.getByTestId('save-campaign').click();
  await expect(page).toHaveURL(/\/campaigns\/[^/?]+\?tab=leads$/);
  expect(posts).toHaveLength(1);
});

test('a new campaign’s tabs say what to do next', async ({ page }) => {
  const id = await createCampaignViaApi(page, 'Empty campaign');
  await page.goto(`/campaigns/${id}`);
  await expect(page.getByTestId('ready-checklist')).toContainText('Import leads from a CSV on the Leads tab');
  await expect(page.getByTestId('ready-checklist')).toContainText('Add qualification criteria (Edit settings)');

  await page.getByRole('tab', { name: 'Leads' }).click();
  await expect(page.getByRole('heading', { name: 'No leads in this campaign yet' })).toBeVisible();
  await expect(page.getByText('Drop a CSV in the box above, or add a lead by hand.')).toBeVisible();
  await expect(page.getByTestId('csv-dropzone')).toBeVisible();

  await page.getByRole('tab', { name: 'Calls' }).click();
  await expect(page.getByRole('heading', { name: 'No calls yet' })).toBeVisible();
  await expect(page.getByText('Start the campaign from the top of the page.')).toBeVisible();

  await page.getByRole('tab', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { name: 'No calls to analyse yet' })).toBeVisible();
  await expect(page.getByText('once the campaign has placed its first calls')).toBeVisible();
});

test('the API’s own check shows at the field: a lead with a number that is not a phone number', async ({ page }) => {
  const id = await createCampaignViaApi(page, 'Add-lead check');
  await page.goto(`/campaigns/${id}?tab=leads`);
  await page.getByRole('button', { name: 'Add lead' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a lead' });
  await dialog.getByLabel('Name').fill('Nobody');
  await dialog.getByLabel('Phone').fill('12345');
  const response = page.waitForResponse((r) => r.url().endsWith(`/api/campaigns/${id}/leads`) && r.request().method() === 'POST');
  await dialog.getByRole('button', { name: 'Add lead' }).click();
  expect((await response).status()).toBe(422);
  await expect(dialog.locator('#add-lead-phone-error')).toBeVisible();
  await expect(dialog.getByLabel('Phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
});
