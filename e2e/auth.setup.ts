// Signs up the user the signed-in specs share, once per run, and keeps its session.
import { expect, test as setup } from '@playwright/test';
import { newUser, saveSharedUser, sharedUserStatePath } from './utils';

setup('sign up the shared user', async ({ request, baseURL }) => {
  const user = newUser('shared');
  const response = await request.post('/api/auth/sign-up/email', { data: user, headers: { origin: baseURL! } });
  expect(response.ok(), `sign-up failed: ${response.status()} ${await response.text()}`).toBeTruthy();
  saveSharedUser(user);
  await request.storageState({ path: sharedUserStatePath() });
});
