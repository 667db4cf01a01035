// Settings → API keys: create a key (shown once, copied), use it from a script, see it listed by prefix, revoke it.
import { test, expect } from '@playwright/test';

test('creates an API key, uses it, lists it by prefix and revokes it', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/settings/api-keys');
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();

  await page.getByLabel('Name').fill('CI script');
  await page.getByLabel('Role').selectOption('viewer');
  await page.getByTestId('create-api-key').click();
  const shown = page.getByLabel('The new API key');
  await expect(shown).toHaveValue(/^oce_/);
  const key = await shown.inputValue();
  await page.getByTestId('copy-api-key').click();
  await expect(page.getByTestId('copy-api-key')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  // A script with only the key (no cookie).
  const asScript = (headers: Record<string, string>) => request.get('/api/campaigns', { headers: { cookie: '', ...headers } });
  expect((await asScript({ 'x-api-key': key })).status()).toBe(200);

  const row = page.getByTestId('api-key-row').filter({ hasText: 'CI script' });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText('viewer');
  await expect(page.getByRole('table', { name: 'API keys' })).not.toContainText(key);

  // Gone once the page is left: the key is never shown again.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('new-api-key')).toHaveCount(0);

  page.once('dialog', (dialog) => dialog.accept());
  await row.getByRole('button', { name: 'Revoke CI script' }).click();
  await expect(page.getByTestId('api-key-row').filter({ hasText: 'CI script' })).toHaveCount(0);
  expect((await asScript({ authorization: `Bearer ${key}` })).status()).toBe(401);
});
