// Runs every benchmark in bench/ in turn (`npm run bench` → `tsx bench/run.ts`), then prints a table of each
// headline figure beside its target and its same-run baseline, each benchmark's wall time (and the part of it spent
// making data or building), and writes bench/results/latest.json. BENCH_ONLY=import-csv,claim-leads runs some of them.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { figureMarker, stepMarker, type Figure, type Step } from './lib/figures';

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

type BenchRun = { file: string; seconds: number; exitCode: number | null; steps: Step[]; loadAverageAtEnd: number[] };

function runBench(file: string, figures: Figure[], steps: Step[]): Promise<number | null> {
  // --conditions=react-server: the services' 'server-only' import resolves as it does in Next.js.
  const child = spawn(process.execPath, ['--conditions=react-server', '--expose-gc', '--import', 'tsx', path.join(dir, file)], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith(figureMarker)) figures.push(JSON.parse(line.slice(figureMarker.length)) as Figure);
    else if (line.startsWith(stepMarker)) steps.push(JSON.parse(line.slice(stepMarker.length)) as Step);
    else print(line);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve(code)));
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 10) / 10);
const minutes = (seconds: number) => `${Math.floor(seconds / 60)} min ${(seconds % 60).toFixed(1).padStart(4, '0')} s`;
const stepsOf = (steps: Step[]) => (steps.length ? ` (${steps.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(', ')})` : '');

// Where the database is, without its credentials.
const databaseUrl = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;
const machine = {
  cores: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  database: databaseUrl ? `Postgres at ${databaseUrl.host}${databaseUrl.pathname} (DATABASE_URL; each benchmark on a new database there)` : 'PGlite (DATABASE_URL not set; benchmarks that need Postgres use 127.0.0.1:5432)',
  loadAverageAtStart: loadAverage(),
};
const startedAt = new Date();
print(`machine   ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
print(`database  ${machine.database}`);
print(`started   ${startedAt.toISOString()}, load average ${machine.loadAverageAtStart.join(' / ')} (1 / 5 / 15 min)`);

const figures: Figure[] = [];
const runs: BenchRun[] = [];
for (const file of benches) {
  print(`\n▶ ${file}`);
  const steps: Step[] = [];
  const t = performance.now();
  const exitCode = await runBench(file, figures, steps);
  const run = { file, seconds: Math.round((performance.now() - t) / 100) / 10, exitCode, steps, loadAverageAtEnd: loadAverage() };
  runs.push(run);
  if (exitCode !== 0) printError(`✗ ${file} exited with ${exitCode}`);
  print(`◼ ${file}: ${minutes(run.seconds)}${stepsOf(steps)}, load average ${run.loadAverageAtEnd.join(' / ')}`);
}
const totalSeconds = Math.round((Date.now() - startedAt.getTime()) / 100) / 10;
const failed = runs.filter((r) => r.exitCode !== 0).length;

// A figure that could not be computed (NaN serialises as null) prints as such, not as a crash of the table.
const fmt = (value: number | null, unit: string) =>
  value === null || !Number.isFinite(value) ? 'not measured' : `${Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(value < 10 ? 2 : 1)} ${unit}`;
print(`\n${figures.length} figures, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.database}`);
print(['bench', 'figure', 'measured', 'baseline (same run)', 'target', ''].join(' | '));
for (const f of figures) print([f.bench, f.name, fmt(f.value, f.unit), f.baseline ? `${f.baseline.name} ${fmt(f.baseline.value, f.baseline.unit)}` : '—', f.target, f.met ? 'met' : 'NOT met'].join(' | '));

print(`\nwall time (target: the whole run under 15 min)`);
for (const r of runs) print(`  ${r.file.padEnd(24)} ${minutes(r.seconds).padStart(13)}${stepsOf(r.steps)}${r.exitCode === 0 ? '' : `, exited with ${r.exitCode}`}`);
const loadAverageAtEnd = loadAverage();
print(`  ${'total'.padEnd(24)} ${minutes(totalSeconds).padStart(13)}, ${totalSeconds < 15 * 60 ? 'under' : 'NOT under'} 15 min; load average ${machine.loadAverageAtStart.join(' / ')} at the start, ${loadAverageAtEnd.join(' / ')} at the end`);

const results = path.join(dir, 'results');
fs.mkdirSync(results, { recursive: true });
fs.writeFileSync(
  path.join(results, 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), startedAt: startedAt.toISOString(), totalSeconds, machine: { ...machine, loadAverageAtEnd }, benches: runs, failed, figures }, null, 2),
);
print(`written bench/results/latest.json`);
process.exit(failed ? 1 : 0);
