// Runs every benchmark in bench/ in turn (`npm run bench` → `tsx bench/run.ts`), then prints a table of each
// headline figure beside its target and its same-run baseline, and writes bench/results/latest.json.
// BENCH_ONLY=import-csv,claim-leads runs some of them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { figureMarker, type Figure } from './lib/figures';

// Benchmarks report on stdout; the product's logger writes JSON lines, not a readable report.
const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (line: string) => process.stderr.write(`${line}\n`);

const dir = import.meta.dirname;
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim().replace(/\.ts$/, ''));
const benches = fs
  .readdirSync(dir)
  .filter((f) => /\.(bench\.)?ts$/.test(f) && f !== 'run.ts')
  .filter((f) => !only || only.includes(f.replace(/\.ts$/, '')))
  .sort();

function runBench(file: string, figures: Figure[]): Promise<number | null> {
  // --conditions=react-server: the services' 'server-only' import resolves as it does in Next.js.
  const child = spawn(process.execPath, ['--conditions=react-server', '--expose-gc', '--import', 'tsx', path.join(dir, file)], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith(figureMarker)) figures.push(JSON.parse(line.slice(figureMarker.length)) as Figure);
    else print(line);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

const started = Date.now();
const figures: Figure[] = [];
let failed = 0;
for (const file of benches) {
  print(`\n▶ ${file}`);
  const status = await runBench(file, figures);
  if (status !== 0) {
    failed++;
    printError(`✗ ${file} exited with ${status}`);
  }
}

const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  database: process.env.DATABASE_URL ? 'postgres (DATABASE_URL)' : 'pglite (no DATABASE_URL: embedded)',
};
// A figure that could not be computed (NaN serialises as null) prints as such, not as a crash of the table.
const fmt = (value: number | null, unit: string) => value === null || !Number.isFinite(value) ? 'not measured' : `${Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(value < 10 ? 2 : 1)} ${unit}`;
print(`\n${figures.length} figures, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.database}, ${((Date.now() - started) / 60_000).toFixed(1)} min`);
print(['bench', 'figure', 'measured', 'baseline (same run)', 'target', ''].join(' | '));
for (const f of figures) print([f.bench, f.name, fmt(f.value, f.unit), f.baseline ? `${f.baseline.name} ${fmt(f.baseline.value, f.baseline.unit)}` : '—', f.target, f.met ? 'met' : 'NOT met'].join(' | '));

const results = path.join(dir, 'results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(path.join(results, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), machine, benches, failed, figures }, null, 2));
print(`written bench/results/latest.json`);
process.exit(failed ? 1 : 0);
