// The API reference at /docs/api renders from our own server alone: Swagger UI from node_modules and
// the document from /api/openapi.json, no request to any other origin.
import { test, expect } from '@playwright/test';

test('the API reference renders every operation with no outside request', async ({ page, baseURL }) => {
  const outside: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(baseURL!) && !req.url().startsWith('data:')) outside.push(req.url());
  });
  await page.goto('/docs/api');
  await expect(page.getByRole('heading', { name: /Outbound calling engine API/ })).toBeVisible();
  await expect(page.locator('.opblock-summary-path', { hasText: '/api/campaigns/{id}/clone' })).toBeVisible();
  expect(await page.locator('.opblock').count()).toBeGreaterThan(30);
  expect(outside).toEqual([]);
});
