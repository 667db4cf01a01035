// Invitations on screen: an owner invites an address from the Team page and copies the invite link (no SMTP_URL in
// the browser tests, so the page says no e-mail went); a visitor opening the link signed out is sent to sign in,
// goes on to create an account with that address, comes back to the link, joins, and lands in the workspace. The
// link then says it has been used. Every user and the workspace are this spec's own.
import { test, expect } from '@playwright/test';
import { newUser, signedOut, signedUp, snap } from './utils';

test('an owner invites by e-mail; the invitee signs up from the link, joins at the role and lands in the workspace', async ({ browser, baseURL }) => {
  const [ownerUser, inviteeUser] = [newUser('inviter'), newUser('invitee')];
  const owner = await signedUp(browser, baseURL!, ownerUser);
  await owner.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ownerPage = await owner.newPage();
  const workspaceName = `E2E invites ${Date.now()}`;
  expect((await ownerPage.request.post('/api/workspaces', { data: { name: workspaceName } })).status()).toBe(201);

  await ownerPage.goto('/team');
  await ownerPage.getByLabel('Email').fill(inviteeUser.email);
  await ownerPage.getByLabel('Role', { exact: true }).selectOption('manager');
  await ownerPage.getByTestId('add-member').click();
  const created = ownerPage.getByTestId('new-invitation');
  await expect(created).toContainText(`${inviteeUser.email} is invited as manager`);
  await expect(ownerPage.getByTestId('invitation-email-status')).toHaveText('No e-mail was sent: this server has no SMTP_URL. Send them the link yourself.');
  const link = await ownerPage.getByLabel('Invite link').inputValue();
  expect(link).toMatch(new RegExp(`^${baseURL}/team/join\\?token=[A-Za-z0-9_-]{43}$`));
  await ownerPage.getByTestId('copy-invite-link').click();
  await expect(ownerPage.getByTestId('copy-invite-link')).toHaveText('Copied');
  expect(await ownerPage.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(ownerPage.getByTestId('invitation-row').filter({ hasText: inviteeUser.email })).toContainText('the link works until');
  await snap(ownerPage, 'invitation-created');

  // Signed out, the link goes to sign-in and keeps the token; the invitee has no account yet, so signs up.
  const invitee = await browser.newContext({ storageState: signedOut });
  const page = await invitee.newPage();
  await page.goto(link);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByTestId('invitation-hint')).toBeVisible();
  await page.getByRole('link', { name: 'Create one' }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=/);
  await page.getByLabel('Name').fill(inviteeUser.name);
  await page.getByLabel('Work email').fill(inviteeUser.email);
  await page.getByLabel('Password').fill(inviteeUser.password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(link);
  await expect(page.getByTestId('join-invitation')).toContainText(`You are signed in as ${inviteeUser.email}`);
  await snap(page, 'invitation-join');
  await page.getByTestId('accept-invitation').click();
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByTestId('workspace-switcher')).toContainText(`${workspaceName} (manager)`);
  await expect(page.getByTestId('new-campaign')).toBeVisible();
  await snap(page, 'invitation-joined');

  // The owner sees the new member; the link is spent.
  await ownerPage.reload();
  await expect(ownerPage.getByTestId('member-row').filter({ hasText: inviteeUser.email })).toBeVisible();
  await expect(ownerPage.getByTestId('invitation-row')).toHaveCount(0);
  await page.goto(link);
  await page.getByTestId('accept-invitation').click();
  await expect(page.getByTestId('join-refused')).toContainText('This invite link has been used');
  await snap(page, 'invitation-used');
  await Promise.all([owner.close(), invitee.close()]);
});
