// Runs the browser tests in Debian's Chromium (Playwright's own browsers are not downloaded):
// checks the browser is there (installing it when run as root on Debian), gives the run a fresh data
// directory and a free port (so a second copy of the suite can run beside it), passes the exit code on.
// Extra arguments go to Playwright: `node e2e/run.mjs validation.spec.ts --headed`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const chromium = '/usr/bin/chromium';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const installCommand = 'apt-get update && apt-get install -y chromium';
const isRoot = process.getuid?.() === 0;

// A fresh machine: as root with apt-get at hand, install Debian's Chromium here and now; anyone
// else is told the one command to run (installing system packages is not ours to do unasked).
if (!fs.existsSync(chromium) && isRoot && fs.existsSync('/usr/bin/apt-get')) {
  process.stdout.write(`e2e: Chromium is missing; installing Debian's chromium (${installCommand})\n`);
  const install = spawnSync('sh', ['-c', installCommand], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (install.status !== 0) process.stderr.write(`e2e: installing Chromium failed (exit ${install.status ?? install.signal})\n`);
}

if (!fs.existsSync(chromium)) {
  process.stderr.write(
    [
      `The browser tests need Chromium at ${chromium}, and it is not there.`,
      'Install it with:',
      '',
      `  ${isRoot ? '' : 'sudo sh -c \''}${installCommand}${isRoot ? '' : "'"}`,
      '',
      '(`npx playwright install` is not used: the tests run in the system Chromium.)',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

// PGlite data and the dev secrets beside it; removed when the run ends.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbound-e2e-'));

// A port the system has just handed out and taken back: free unless another process grabs it in the moment
// before the server binds it. E2E_PORT pins one.
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
const port = process.env.E2E_PORT || String(await freePort());
const started = Date.now();

const child = spawn('npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, E2E_DATA_DIR: dataDir, E2E_PORT: port },
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

child.on('exit', (code, signal) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(`e2e: finished in ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.exit(code ?? (signal ? 1 : 0));
});
