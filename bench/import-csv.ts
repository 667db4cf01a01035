// Benchmark: a generated 1,000,000-row CSV (written to a temp file, then streamed) imported
// through the import service into Postgres (DATABASE_URL, in a throwaway database) or an on-disk
// PGlite. Prints rows/s and the peak memory of this process.
//   npx tsx bench/import-csv.ts            BENCH_ROWS=200000 to try a smaller file
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Benchmarks report on stdout; the product's logger writes JSON lines, not a readable report.
const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (error: unknown) => process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);

// The services import 'server-only', which resolves to an empty module only under the
// react-server condition (as in Next.js): rerun under it when started without.
if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Writes the CSV line by line, honouring backpressure: the file is never built in memory. */
async function writeCsv(file: string, count: number) {
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('First Name,Last Name,Phone Number,Company,Email,Time Zone,Industry,Notes\n');
  const zones = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];
  for (let start = 0; start < count; start += 5000) {
    let text = '';
    for (let i = start; i < Math.min(count, start + 5000); i++) {
      // 415-200-0000 … upwards: a million distinct valid US numbers, in a mix of formats.
      const n = String(2_000_000 + i);
      const phone = i % 3 === 0 ? `+1415${n}` : i % 3 === 1 ? `(415) ${n.slice(0, 3)}-${n.slice(3)}` : `415.${n.slice(0, 3)}.${n.slice(3)}`;
      text += `First${i},Last${i % 1000},${phone},Company ${i % 5000},lead${i}@example.com,${zones[i % 4]},${i % 2 ? 'saas' : 'retail'},"Met at booth ${i % 50}, follow up"\n`;
    }
    await write(text);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function openDatabase() {
  const { migrate, openPglite, openPostgres } = await import('@/db');
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pglite-'));
    const handle = await openPglite(path.join(dir, 'db'));
    await migrate(handle);
    return { handle, label: 'PGlite (on disk)', drop: async () => (await handle.close(), fs.rmSync(dir, { recursive: true, force: true })) };
  }
  const name = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(base, { max: 1 });
  await admin.db.execute(`create database ${name}` as never);
  await admin.close();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openPostgres(url.toString(), { max: 2 });
  await migrate(handle);
  return {
    handle,
    label: `Postgres (${url.host})`,
    drop: async () => {
      await handle.close();
      const again = await openPostgres(base, { max: 1 });
      await again.db.execute(`drop database if exists ${name} with (force)` as never);
      await again.close();
    },
  };
}

async function main() {
  const { schema } = await import('@/db');
  const { campaignConfig } = await import('@/lib/services/campaigns/config');
  const { importLeads } = await import('@/lib/services/leads/import-leads');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-csv-'));
  const file = path.join(dir, 'leads.csv');
  let t = performance.now();
  await writeCsv(file, rows);
  const size = fs.statSync(file).size;
  print(`generated ${rows.toLocaleString('en-US')} rows, ${mb(size)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const { handle, label, drop } = await openDatabase();
  try {
    const userId = crypto.randomUUID();
    await handle.db.insert(schema.users).values({ id: userId, name: 'Bench', email: `bench-${userId}@example.com` });
    await handle.db.insert(schema.workspaces).values({ id: userId, name: 'Bench', personalOf: userId }); // the user's personal workspace, with the user's id
    const config = campaignConfig.parse({ timezone: 'America/New_York', callWindows: [{ dayOfWeek: 1, startHour: 9, endHour: 17 }], maxCallsPerDay: 100, maxCallsPerLead: 3 });
    const [campaign] = await handle.db.insert(schema.campaigns).values({ workspaceId: userId, name: 'Bench', config }).returning();

    global.gc?.();
    const baseline = process.memoryUsage();
    let peakRss = baseline.rss;
    let peakHeap = baseline.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);

    t = performance.now();
    const result = await importLeads(handle.db, {
      workspaceId: userId,
      userId,
      campaignId: campaign.id,
      csv: fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
      maxRows: rows,
      now: new Date(),
    });
    const seconds = (performance.now() - t) / 1000;
    clearInterval(sampler);

    const { rejected, ...counts } = result;
    print(`database      ${label}`);
    print(`result        ${JSON.stringify(counts)}${rejected.length ? ` first rejection ${JSON.stringify(rejected[0])}` : ''}`);
    print(`time          ${seconds.toFixed(1)} s`);
    print(`throughput    ${Math.round(result.totalRows / seconds).toLocaleString('en-US')} rows/s, ${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s`);
    print(`peak RSS      ${mb(peakRss)} (baseline ${mb(baseline.rss)})`);
    print(`peak heap     ${mb(peakHeap)} (baseline ${mb(baseline.heapUsed)})`);
    if (result.inserted !== rows) throw new Error(`expected ${rows} leads inserted, got ${result.inserted}`);
  } finally {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  printError(error);
  process.exit(1);
});
