// The do-not-call list in the dashboard takes a number with a reason and lists it.
import { test, expect } from '@playwright/test';
import { snap } from './utils';

test('adds a number to the do-not-call list and lists it with its reason', async ({ page }) => {
  await page.goto('/campaigns');
  // The do-not-call list takes a number and lists it.
  await page.getByRole('link', { name: 'Do-not-call list' }).first().click();
  await expect(page).toHaveURL(/\/dnc$/);
  await page.getByLabel('Phone number').fill('+1 415 555 0199');
  await page.getByLabel('Reason (optional)').fill('Asked by email');
  await page.getByTestId('add-dnc').click();
  await expect(page.getByTestId('dnc-row').filter({ hasText: '+14155550199' })).toContainText('Asked by email');
  await snap(page, '08-dnc');
});
