// Runs the browser tests in Debian's Chromium (Playwright's own browsers are not downloaded):
// checks the browser is there, gives the run a fresh data directory, passes the exit code on.
// Extra arguments go to Playwright: `node e2e/run.mjs validation.spec.ts --headed`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const chromium = '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!fs.existsSync(chromium)) {
  process.stderr.write(
    [
      `The browser tests need Chromium at ${chromium}, and it is not there.`,
      'Install it with:',
      '',
      '  sudo apt-get update && sudo apt-get install -y chromium',
      '',
      '(`npx playwright install` is not used: the tests run in the system Chromium.)',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

// PGlite data and the dev secrets beside it; removed when the run ends.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbound-e2e-'));
const started = Date.now();

const child = spawn('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_DATA_DIR: dataDir },
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

child.on('exit', (code, signal) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`e2e: finished in ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
