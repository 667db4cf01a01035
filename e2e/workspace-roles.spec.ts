// Roles on screen: an owner makes a shared workspace from the switcher, a campaign in it, and adds a viewer and a
// manager; the viewer sees the campaigns list and a campaign page with no write control (new campaign, start,
// clone, the actions menu, lead add/import), the manager sees them all. Every user and the workspace are this spec's own.
import { test, expect } from '@playwright/test';
import { newUser, signedUp, snap } from './utils';

const campaignBody = {
  description: 'Role check',
  timezone: 'America/New_York',
  callWindows: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startHour: 9, endHour: 17 })),
  maxCallsPerDay: 50,
  maxCallsPerLead: 2,
  maxConcurrentCalls: 1,
};

test('a viewer sees no write controls on the campaigns list and a campaign page; a manager does', async ({ browser, baseURL }) => {
  const [ownerUser, viewerUser, managerUser] = [newUser('owner'), newUser('viewer'), newUser('manager')];
  const owner = await signedUp(browser, baseURL!, ownerUser);
  const viewer = await signedUp(browser, baseURL!, viewerUser);
  const manager = await signedUp(browser, baseURL!, managerUser);

  // The owner makes the shared workspace from the switcher and acts in it at once.
  const ownerPage = await owner.newPage();
  await ownerPage.goto('/campaigns');
  const workspaceName = `E2E team ${Date.now()}`;
  await ownerPage.getByTestId('workspace-switcher-new').click();
  await ownerPage.getByTestId('new-workspace-name').fill(workspaceName);
  await ownerPage.getByTestId('create-workspace').click();
  await expect(ownerPage.getByTestId('workspace-switcher')).toContainText(`${workspaceName} (owner)`);
  const workspaces = (await (await ownerPage.request.get('/api/workspaces')).json()) as { items: { id: string; name: string; active: boolean }[] };
  const shared = workspaces.items.find((w) => w.name === workspaceName)!;
  expect(shared.active).toBe(true);

  const created = await ownerPage.request.post('/api/campaigns', { data: { ...campaignBody, name: `Roles campaign ${Date.now()}` } });
  expect(created.status(), await created.text()).toBe(201);
  const campaign = (await created.json()) as { id: string; name: string };
  expect((await ownerPage.request.post(`/api/campaigns/${campaign.id}/leads/add`, { data: { name: 'Role Lead', phone: '+12125550142', timezone: 'America/New_York' } })).status()).toBe(201);
  for (const [user, role] of [[viewerUser, 'viewer'], [managerUser, 'manager']] as const) {
    const added = await ownerPage.request.post('/api/team/members', { data: { email: user.email, role } });
    expect(added.status(), await added.text()).toBe(201);
  }

  for (const [context, role] of [[viewer, 'viewer'], [manager, 'manager']] as const) {
    const page = await context.newPage();
    expect((await page.request.post(`/api/workspaces/${shared.id}/activate`)).ok()).toBeTruthy();
    await page.goto('/campaigns');
    await expect(page.getByTestId('workspace-switcher')).toContainText(`${workspaceName} (${role})`);
    const row = page.getByTestId('campaign-row').filter({ hasText: campaign.name });
    await expect(row).toBeVisible();
    const writes = role === 'manager';
    if (writes) {
      await expect(page.getByTestId('new-campaign')).toBeVisible();
      await expect(row.getByTestId('campaign-start')).toBeVisible();
      await expect(row.getByRole('button', { name: `More actions for ${campaign.name}` })).toBeVisible();
    } else {
      await expect(page.getByTestId('new-campaign')).toHaveCount(0);
      await expect(row.getByTestId('campaign-start')).toHaveCount(0);
      await expect(row.getByRole('button', { name: `More actions for ${campaign.name}` })).toHaveCount(0);
    }
    await snap(page, `roles-campaigns-${role}`);

    await page.goto(`/campaigns/${campaign.id}`);
    await expect(page.getByRole('heading', { name: campaign.name, level: 1 })).toBeVisible();
    for (const id of ['campaign-start', 'campaign-clone']) {
      if (writes) await expect(page.getByTestId(id)).toBeVisible();
      else await expect(page.getByTestId(id)).toHaveCount(0);
    }
    await page.getByRole('tab', { name: /Leads/ }).click();
    await expect(page.getByTestId('lead-row').filter({ hasText: 'Role Lead' })).toBeVisible();
    if (writes) {
      await expect(page.getByTestId('open-import')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Edit Role Lead' })).toBeVisible();
    } else {
      await expect(page.getByTestId('open-import')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Edit Role Lead' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: "Erase Role Lead's personal data" })).toHaveCount(0);
    }
    await snap(page, `roles-campaign-leads-${role}`);

    // Following a link to the new-campaign form: a viewer is told why not, and the API refuses the write anyway.
    if (!writes) {
      await page.goto('/campaigns/new');
      await expect(page.getByTestId('not-allowed')).toBeVisible();
      expect((await page.request.post('/api/campaigns', { data: { ...campaignBody, name: 'Not allowed' } })).status()).toBe(403);
    }
  }
  await Promise.all([owner, viewer, manager].map((c) => c.close()));
});
