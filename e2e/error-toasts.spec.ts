// A refused request is told in one toast: mutation errors are toasted in one place (app/providers.tsx), so controls
// no longer add their own; forms that show errors at the field opt out with meta.toastErrors.
import { test, expect } from '@playwright/test';
import { newUser, signedUp } from './utils';

test('the last owner changing their own role sees the refusal once', async ({ browser, baseURL }) => {
  const owner = newUser('last-owner');
  const context = await signedUp(browser, baseURL!, owner);
  const page = await context.newPage();
  await page.goto('/team');
  await page.getByLabel(`Role of ${owner.email}`).selectOption('manager');
  const refusals = page.locator('[data-sonner-toast]', { hasText: 'last owner' });
  await expect(refusals.first()).toBeVisible();
  await expect(refusals).toHaveCount(1);
  // Nothing changed: still the owner.
  await page.reload();
  await expect(page.getByLabel(`Role of ${owner.email}`)).toHaveValue('owner');
  await context.close();
});
