// Browser tests against the production build on the embedded defaults: PGlite in a fresh temp
// directory, the in-app LiveKit simulator running 30× fast, jobs ticking every few seconds.
// Run with `npm run test:e2e` (e2e/run.mjs), which checks for Debian's Chromium first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { sharedUserStatePath } from './utils';

// e2e/run.mjs picks a free port; a bare `playwright test` uses 3457 unless E2E_PORT says otherwise.
const port = Number(process.env.E2E_PORT ?? 3457);
const baseURL = `http://127.0.0.1:${port}`;

// Workers load this file too and inherit the variable, so the directory is made once per run.
// e2e/run.mjs makes it (and removes it afterwards); a bare `playwright test` gets one here.
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'outbound-e2e-'));
const dataDir = process.env.E2E_DATA_DIR;

export default defineConfig({
  testDir: '.',
  projects: [
    { name: 'setup', testMatch: 'auth.setup.ts' },
    { name: 'chromium', testMatch: '*.spec.ts', dependencies: ['setup'], use: { storageState: sharedUserStatePath() } },
  ],
  outputDir: '../test-results/e2e',
  // One server, one database, a slow CPU: specs run one at a time and a failure is a failure.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    // Charts (recharts) then draw their final state at once: steady screenshots, no waiting on tweens.
    reducedMotion: 'reduce',
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    },
  },
  webServer: {
    command: `npx next build && npx next start -p ${port}`,
    cwd: '..',
    url: `${baseURL}/sign-in`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      PORT: String(port),
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      // The embedded defaults, whatever the shell exports: no Postgres, no real LiveKit, no OpenAI, no SMTP.
      DATABASE_URL: '',
      LIVEKIT_URL: '',
      LIVEKIT_API_KEY: '',
      LIVEKIT_API_SECRET: '',
      OPENAI_API_KEY: '',
      // No mail server: an invitation's link is copied from the Team page.
      SMTP_URL: '',
      APP_URL: '',
      // A free port for the simulator, so this run never meets a dev server's simulator.
      LIVEKIT_SIM_PORT: '0',
      LIVEKIT_SIM_SPEED: '30',
      EXECUTOR_INTERVAL_SECONDS: '2',
      RECOVERY_INTERVAL_SECONDS: '10',
      JOBS_ENABLED: 'true',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
  },
});
