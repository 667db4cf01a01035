// Runs every benchmark in bench/ in turn (`npm run bench` → `tsx bench/run.ts`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Benchmarks report on stdout; the product's logger writes JSON lines, not a readable report.
const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

const dir = import.meta.dirname;
const benches = fs
  .readdirSync(dir)
  .filter((f) => /\.(bench\.)?ts$/.test(f) && f !== 'run.ts')
  .sort();

let failed = 0;
for (const file of benches) {
  print(`\n▶ ${file}`);
  // --conditions=react-server: the services' 'server-only' import resolves as it does in Next.js.
  const run = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join(dir, file)], { stdio: 'inherit', env: process.env });
  if (run.status !== 0) {
    failed++;
    printError(`✗ ${file} exited with ${run.status ?? run.signal}`);
  }
}
process.exit(failed ? 1 : 0);
