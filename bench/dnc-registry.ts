// Benchmark: what a 10,000,000-number do-not-call list costs the rest of the product: a lead CSV import and the
// claim of 50-lead batches (the real importLeads and claimLeads) on 100,000-lead campaigns, for an owner with the
// 10 M list against one with an empty list, in the same run. The list is made set-based on the server, with the
// numbers a National DNC Registry file would have (the registry's import is not what this measures).
// BENCH_DNC_REGISTRY_IMPORT=1 instead writes that registry file and imports it through the real DNC import service,
// against a bare COPY of the same file into a table shaped like dnc_numbers (same primary key, same foreign key) in
// the same run: minutes more, and a figure of its own (the registry import's rate).
// Postgres when DATABASE_URL is set (a throwaway database), else an on-disk PGlite (1,000,000 numbers by default
// there: it runs in this process).
//   DATABASE_URL=postgres://… npx tsx bench/dnc-registry.ts
//   BENCH_DNC_ROWS (numbers on the list), BENCH_DNC_LEADS (leads per campaign), BENCH_DNC_RUNS (lead imports a side),
//   BENCH_DNC_CLAIMS (claims a side), BENCH_DNC_REGISTRY_IMPORT=1 (the list through the import service, against COPY)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { benchCampaignConfig, openBenchDatabase, seedBenchOwner, type BenchHandle } from './lib/bench-database';
import { loadWithIndexesAfter } from './lib/bulk-load';
import { reportFigure, reportStep } from './lib/figures';
import { median } from './lib/stats';

const print = (line: string) => process.stdout.write(`${line}\n`);
const printError = (error: unknown) => process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);

// The services import 'server-only', which resolves to an empty module only under react-server.
if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const base = process.env.DATABASE_URL;
const rows = Number(process.env.BENCH_DNC_ROWS ?? (base ? 10_000_000 : 1_000_000));
const leadCount = Number(process.env.BENCH_DNC_LEADS ?? 100_000);
const runs = Number(process.env.BENCH_DNC_RUNS ?? 3);
const claims = Number(process.env.BENCH_DNC_CLAIMS ?? 100);
const registryImport = process.env.BENCH_DNC_REGISTRY_IMPORT === '1';
// Claims stop early once the claims on either list have taken this long (at least 5 each).
const claimBudgetMs = Number(process.env.BENCH_DNC_CLAIM_SECONDS ?? 60) * 1000;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const perSecond = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en-US')}/s`;
const listName = `${rows >= 1_000_000 ? `${rows / 1_000_000} M` : rows.toLocaleString('en-US')}-number list`;

const perArea = 800 * 5000; // numbers per area code: 800 exchanges × 5,000 even lines

/**
 * The k-th listed number. Listed numbers have an even last digit and leads an odd one, so the
 * leads' lookups land all over the list's index, as real leads' would, yet none is listed.
 * Area codes 201, 202, … with exchanges 200–999: every number is a valid North American one.
 */
function registryNumber(k: number, odd = 0): string {
  const area = 201 + Math.floor(k / perArea);
  const rest = k % perArea;
  const exchange = 200 + Math.floor(rest / 5000);
  const line = (rest % 5000) * 2 + odd;
  return `${area}${exchange}${String(line).padStart(4, '0')}`;
}

/** The same numbers as registryNumber(k) for k in [0, count), in E.164 as the list stores them: one statement. */
const registryNumbersSql = (count: number) =>
  `select '+1' || (201 + k / ${perArea}) || (200 + k % ${perArea} / 5000) || lpad(((k % 5000) * 2)::text, 4, '0') as phone from generate_series(0, ${count - 1}) k`;

/** The registry file, ascending, written with backpressure: never built in memory. */
async function writeRegistry(file: string, count: number) {
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  for (let start = 0; start < count; start += 10_000) {
    let text = '';
    for (let k = start; k < Math.min(count, start + 10_000); k++) text += `${registryNumber(k)}\n`;
    await write(text);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function writeLeadsCsv(file: string, count: number, listed: number) {
  const stride = Math.max(1, Math.floor(listed / count));
  const lines = ['Name,Phone,Time Zone,Consent At,Consent Source'];
  for (let i = 0; i < count; i++) lines.push(`Lead ${i},+1${registryNumber((i * stride) % Math.max(listed, count), 1)},America/New_York,2026-01-05T12:00:00Z,web form`);
  await fs.promises.writeFile(file, lines.join('\n') + '\n');
}

function memorySampler() {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  return { baseline, stop: () => (clearInterval(timer), peak) };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

type Owners = { listed: string; empty: string };

async function main() {
  const { schema, rowsOf } = await import('@/db');
  const { sql, inArray } = await import('drizzle-orm');
  const { importLeads } = await import('@/lib/services/leads/import-leads');
  const { claimLeads } = await import('@/lib/services/engine/claim-leads');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-dnc-'));
  print(`machine       ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${mb(os.totalmem())} RAM, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const { handle, label, drop } = await openBenchDatabase({ max: 4, pglite: true });
  const { db } = handle;
  try {
    print(`database      ${label}`);
    const owners: Owners = { listed: await seedBenchOwner(db), empty: await seedBenchOwner(db) };

    // 1. The list.
    let t = performance.now();
    if (registryImport) await importRegistry(handle, owners, dir);
    else {
      await loadWithIndexesAfter(db, ['dnc_numbers'], () =>
        db.execute(sql`insert into dnc_numbers (workspace_id, phone, source, created_at) select ${owners.listed}, phone, 'import', now() from (${sql.raw(registryNumbersSql(rows))}) n`),
      );
      const sample = [0, 1, 4_999, 5_000, perArea - 1, perArea, rows - 1].filter((k) => k < rows).map((k) => `+1${registryNumber(k)}`);
      const [{ found }] = rowsOf<{ found: number }>(await db.execute(sql`select count(*)::int as found from dnc_numbers where workspace_id = ${owners.listed} and phone in ${sample}`));
      if (found !== sample.length) throw new Error(`the generated list holds ${found} of ${sample.length} sampled registry numbers`);
      print(`list          ${rows.toLocaleString('en-US')} numbers made set-based, primary key built after, in ${((performance.now() - t) / 1000).toFixed(1)} s (BENCH_DNC_REGISTRY_IMPORT=1 imports them through the service, against a bare COPY)`);
    }
    reportStep(registryImport ? 'data (registry import and bare COPY)' : 'data', (performance.now() - t) / 1000);
    // As autovacuum would after a load this size: the planner sees the list's real size.
    await db.execute(sql`analyze dnc_numbers`);

    // 2. Lead CSV imports, each into a new campaign of each owner, the order alternating run by run.
    const config = benchCampaignConfig();
    const leadsCsv = path.join(dir, 'leads.csv');
    await writeLeadsCsv(leadsCsv, leadCount, rows);
    const campaigns: Record<keyof Owners, string> = { listed: '', empty: '' };
    const importTimes: Record<keyof Owners, number[]> = { listed: [], empty: [] };
    for (let run = 0; run < runs; run++) {
      for (const which of run % 2 === 0 ? (['empty', 'listed'] as const) : (['listed', 'empty'] as const)) {
        const [campaign] = await db.insert(schema.campaigns).values({ workspaceId: owners[which], name: `Bench ${which} ${run + 1}`, config }).returning();
        t = performance.now();
        const leads = await importLeads(db, { workspaceId: owners[which], userId: owners[which], campaignId: campaign.id, csv: fs.createReadStream(leadsCsv), maxRows: leadCount, now: new Date() });
        importTimes[which].push((performance.now() - t) / 1000);
        if (leads.inserted !== leadCount) throw new Error(`expected ${leadCount} leads imported, got ${JSON.stringify({ ...leads, rejected: leads.rejected.slice(0, 3) })}`);
        // The first run's campaigns are the ones claimed from.
        if (run === 0) {
          campaigns[which] = campaign.id;
          await db.update(schema.campaigns).set({ status: 'active' }).where(inArray(schema.campaigns.id, [campaign.id]));
        }
      }
      print(`lead import   run ${run + 1}: empty list ${importTimes.empty[run].toFixed(2)} s, ${listName} ${importTimes.listed[run].toFixed(2)} s → ${((importTimes.listed[run] / importTimes.empty[run]) * 100).toFixed(1)} %`);
    }
    await db.execute(sql`analyze leads`);
    const [emptyImport, listedImport] = [median(importTimes.empty), median(importTimes.listed)];
    const importRatio = (listedImport / emptyImport) * 100;
    print(`lead import   ${leadCount.toLocaleString('en-US')} leads, median of ${runs}: empty list ${emptyImport.toFixed(2)} s (${perSecond(leadCount, emptyImport)}), ${listName} ${listedImport.toFixed(2)} s (${perSecond(leadCount, listedImport)}) → ${importRatio.toFixed(1)} % of the empty-list time (target ≤ 110 %)`);

    // 3. Claims of 50, alternating between the two campaigns so both see the same machine load.
    const now = new Date('2026-06-17T20:00:00Z'); // Wednesday: 16:00 in New York, 10:00 in Honolulu, inside every US state's hours
    const times: Record<keyof Owners, number[]> = { listed: [], empty: [] };
    const spent = { listed: 0, empty: 0 };
    for (let i = 0; i < claims * 2; i++) {
      const which = i % 2 === 0 ? 'empty' : 'listed';
      if (which === 'empty' && i >= 10 && Math.max(spent.listed, spent.empty) > claimBudgetMs) break;
      t = performance.now();
      const claim = await claimLeads(db, { campaignId: campaigns[which], now, want: 50 });
      times[which].push(performance.now() - t);
      spent[which] += performance.now() - t;
      if (claim.claimed.length !== 50) throw new Error(`claim ${i} on the ${which} list took ${claim.claimed.length} leads, expected 50`);
      // End the calls at once so the next claim has free slots.
      await db.update(schema.campaignCalls).set({ status: 'no_answer', outcome: 'no_answer' }).where(inArray(schema.campaignCalls.id, claim.claimed.map((c) => c.callId)));
    }
    // The first claims warm the caches: measure the rest.
    const warm = (list: number[]) => list.slice(Math.min(10, Math.floor(list.length / 5)));
    const [e, l] = [warm(times.empty), warm(times.listed)];
    const claimRatio = (median(l) / median(e)) * 100;
    print(`claim of 50   empty list: median ${median(e).toFixed(1)} ms, mean ${mean(e).toFixed(1)} ms; ${listName}: median ${median(l).toFixed(1)} ms, mean ${mean(l).toFixed(1)} ms (${e.length} claims each, ${leadCount.toLocaleString('en-US')}-lead campaigns)`);
    print(`claim cost    ${claimRatio.toFixed(1)} % of the empty-list median, ${((mean(l) / mean(e)) * 100).toFixed(1)} % of its mean (target ≤ 110 %)`);

    const bench = `dnc-registry (${rows.toLocaleString('en-US')} numbers, ${leadCount.toLocaleString('en-US')} leads)`;
    reportFigure({ bench, name: `lead import with the ${listName}`, value: importRatio, unit: '% of the empty-list time', target: '≤ 110 %', met: importRatio <= 110, baseline: { name: 'empty list', value: Math.round(emptyImport * 100) / 100, unit: 's' } });
    reportFigure({ bench, name: `claim of 50 with the ${listName} (median)`, value: claimRatio, unit: '% of the empty-list median', target: '≤ 110 %', met: claimRatio <= 110, baseline: { name: 'empty list median', value: Math.round(median(e) * 10) / 10, unit: 'ms' } });
  } finally {
    if (process.env.BENCH_DNC_KEEP) print(`kept          ${label}: ${JSON.stringify(await db.execute(sql`select current_database()`))}`);
    else await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The opt-in part (BENCH_DNC_REGISTRY_IMPORT=1): the registry file written, then copied bare into a table like
 * dnc_numbers (the baseline), then imported onto the listed owner's list through the real import service.
 */
async function importRegistry({ db }: BenchHandle, owners: Owners, dir: string) {
  const { driverClientOf } = await import('@/db');
  const { sql } = await import('drizzle-orm');
  const { importDncFile } = await import('@/lib/services/dnc');
  const registry = path.join(dir, 'registry.txt');
  let t = performance.now();
  await writeRegistry(registry, rows);
  const size = fs.statSync(registry).size;
  print(`generated     ${rows.toLocaleString('en-US')} numbers, ${mb(size)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The bare baseline: the file's lines straight into a table like dnc_numbers by COPY.
  await db.execute(sql.raw(`create table dnc_copy_baseline (like dnc_numbers including all)`));
  await db.execute(sql.raw(`alter table dnc_copy_baseline add foreign key (workspace_id) references workspaces(id) on delete cascade, alter column workspace_id set default '${owners.empty}', alter column source set default 'import'`));
  t = performance.now();
  await db.transaction(async (tx) => {
    const client = driverClientOf(tx);
    if (client.driver === 'postgres') {
      await pipeline(fs.createReadStream(registry, { highWaterMark: 256 * 1024 }), await client.sql.unsafe('copy dnc_copy_baseline (phone) from stdin').writable());
      return;
    }
    for await (const chunk of blobChunks(registry)) await client.pg.query(`copy dnc_copy_baseline (phone) from '/dev/blob'`, [], { blob: new Blob([chunk as Uint8Array<ArrayBuffer>]) });
  });
  const copySeconds = (performance.now() - t) / 1000;
  print(`bare COPY     ${copySeconds.toFixed(1)} s → ${perSecond(rows, copySeconds)} numbers`);
  await db.execute(sql.raw(`drop table dnc_copy_baseline`));

  // The import service on the same file.
  const memory = memorySampler();
  t = performance.now();
  const result = await importDncFile(db, { workspaceId: owners.listed, file: fs.createReadStream(registry, { highWaterMark: 256 * 1024 }), format: 'auto', region: 'US', maxCsvRows: 1, now: new Date() });
  const importSeconds = (performance.now() - t) / 1000;
  const peakRss = memory.stop();
  const { rejected, ...counts } = result;
  print(`import        ${JSON.stringify(counts)}${rejected.length ? ` first rejection ${JSON.stringify(rejected[0])}` : ''}`);
  print(`import        ${importSeconds.toFixed(1)} s → ${perSecond(rows, importSeconds)} numbers, ${(size / 1024 / 1024 / importSeconds).toFixed(1)} MB/s`);
  print(`vs bare COPY  ${((copySeconds / importSeconds) * 100).toFixed(1)} % of the COPY rate (target ≥ 70 %)`);
  print(`peak RSS      ${mb(peakRss)} (baseline ${mb(memory.baseline)}, +${mb(peakRss - memory.baseline)})`);
  reportFigure({ bench: `dnc-registry (${rows.toLocaleString('en-US')} numbers)`, name: 'registry import rate', value: (copySeconds / importSeconds) * 100, unit: '% of bare COPY', target: '≥ 70 %', met: copySeconds / importSeconds >= 0.7, baseline: { name: 'bare COPY', value: Math.round(rows / copySeconds), unit: 'numbers/s' } });
  if (result.added !== rows) throw new Error(`expected ${rows} numbers added, got ${result.added}`);
}

/** The file in ~1 MB pieces cut at line ends, for PGlite's /dev/blob COPY. */
async function* blobChunks(file: string): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const raw of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    const chunk = Buffer.concat([carry, raw as Buffer]);
    const end = chunk.lastIndexOf(0x0a) + 1;
    carry = chunk.subarray(end);
    if (end) yield chunk.subarray(0, end);
  }
  if (carry.length) yield carry;
}

main().catch((error) => {
  printError(error);
  process.exit(1);
});
