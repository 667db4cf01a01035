// Importing leads from the dashboard: a CSV whose phone column the import cannot recognise is mapped by hand,
// and the report counts what went in. The campaign is made through the API; this spec owns it.
import { test, expect } from '@playwright/test';
import { createCampaignByApi, dropFile, leadsCsv, phoneHeader, snap } from './utils';

test('imports a CSV with a hand-mapped phone column and reports what went in', async ({ page }) => {
  test.setTimeout(120_000);
  const { id } = await createCampaignByApi(page, { name: `E2E import ${Date.now()}` });
  await page.goto(`/campaigns/${id}?tab=leads`);
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

});
