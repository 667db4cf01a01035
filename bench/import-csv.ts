// Benchmark: a generated CSV (1,000,000 rows by default, written to a temp file, then streamed) sent
// through the real upload route handler (its POST called in-process with a multipart body, as Next.js
// calls it) against a bare `COPY … FROM STDIN` of the same rows, already normalised, into the same
// `leads` table (same indexes, same foreign key), in the same run. Runs alternate bare / route, the
// table emptied before each; prints the medians, their ratio and the peak RSS of this process (which
// is the server) during the route's runs. Postgres with DATABASE_URL (a throwaway database), else an
// on-disk PGlite.
//   npx tsx bench/import-csv.ts        BENCH_ROWS=100000 for a smaller file, BENCH_RUNS=3 runs of each
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openBenchDatabase } from './lib/bench-database';
import { reportFigure } from './lib/figures';

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
const runs = Number(process.env.BENCH_RUNS ?? 3);
process.env.CSV_MAX_ROWS ??= String(Math.max(rows, 1_000_000));
process.env.LOG_LEVEL ??= 'warn';
process.env.JOBS_ENABLED = 'false';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const HEADER = 'First Name,Last Name,Phone Number,Company,Email,Time Zone,Industry,Notes';
const zones = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];

/** Writes line by line, honouring backpressure: the file is never built in memory. */
async function writeLines(file: string, header: string | null, line: (i: number) => string) {
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  if (header) await write(`${header}\n`);
  for (let start = 0; start < rows; start += 5000) {
    let text = '';
    for (let i = start; i < Math.min(rows, start + 5000); i++) text += line(i);
    await write(text);
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

// 415-200-0000 … upwards: distinct valid US numbers, in a mix of formats.
const digits = (i: number) => String(2_000_000 + i);
const csvLine = (i: number) => {
  const n = digits(i);
  const phone = i % 3 === 0 ? `+1415${n}` : i % 3 === 1 ? `(415) ${n.slice(0, 3)}-${n.slice(3)}` : `415.${n.slice(0, 3)}.${n.slice(3)}`;
  return `First${i},Last${i % 1000},${phone},Company ${i % 5000},lead${i}@example.com,${zones[i % 4]},${i % 2 ? 'saas' : 'retail'},"Met at booth ${i % 50}, follow up"\n`;
};
/** The same row as the import stores it, as COPY text for the bare baseline. */
const copyLine = (campaignId: string, at: number) => (i: number) =>
  `${campaignId}\tFirst${i} Last${i % 1000}\t+1415${digits(i)}\tCompany ${i % 5000}\tlead${i}@example.com\t${zones[i % 4]}\t${JSON.stringify({ Industry: i % 2 ? 'saas' : 'retail', Notes: `Met at booth ${i % 50}, follow up` })}\t${new Date(at).toISOString()}\n`;

/** The multipart body a browser sends: the mapping-free form with one file, streamed from disk. */
function multipartBody(file: string, boundary: string): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  async function* parts() {
    yield enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="leads.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) yield new Uint8Array(chunk as Buffer);
    yield enc.encode(`\r\n--${boundary}--\r\n`);
  }
  const it = parts();
  return new ReadableStream({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

async function main() {
  const { schema, setDbHandle, driverClientOf } = await import('@/db');
  const { resetAuth } = await import('@/lib/auth');
  const { signUp } = await import('@/test/fixtures');
  const { POST: createCampaign } = await import('@/app/api/campaigns/route');
  const { POST: upload } = await import('@/app/api/campaigns/[id]/leads/upload/route');
  const { campaignConfig } = await import('@/lib/services/campaigns/config');

  const { handle, label, drop } = await openBenchDatabase({ max: 4, pglite: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-csv-'));
  try {
    setDbHandle(handle);
    resetAuth();
    const user = await signUp('Bench');
    const config = campaignConfig.parse({ timezone: 'America/New_York', callWindows: [{ dayOfWeek: 1, startHour: 9, endHour: 17 }], maxCallsPerDay: 100, maxCallsPerLead: 3 });
    const [bareCampaign] = await handle.db.insert(schema.campaigns).values({ workspaceId: user.workspaceId, name: 'Bare COPY', config }).returning();

    const csvFile = path.join(dir, 'leads.csv');
    const copyFile = path.join(dir, 'leads.copy');
    let t = performance.now();
    await writeLines(csvFile, HEADER, csvLine);
    const start = Date.now();
    await writeLines(copyFile, null, (i) => copyLine(bareCampaign.id, start + i)(i));
    print(`generated     ${rows.toLocaleString('en-US')} rows: CSV ${mb(fs.statSync(csvFile).size)}, COPY text ${mb(fs.statSync(copyFile).size)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    print(`database      ${label}`);
    print(`machine       ${os.cpus().length} cores, ${mb(os.totalmem())} memory, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    const empty = async () => handle.db.execute(`truncate leads cascade` as never);
    const bareCopy = async () =>
      handle.db.transaction(async (tx) => {
        const client = driverClientOf(tx);
        const columns = 'campaign_id, name, phone, company, email, timezone, context, created_at';
        if (client.driver === 'postgres') {
          const copy: Writable = await client.sql.unsafe(`copy leads (${columns}) from stdin`).writable();
          await pipeline(fs.createReadStream(copyFile, { highWaterMark: 256 * 1024 }), copy);
        } else {
          // PGlite takes COPY from a blob: in 50,000-line pieces, as the import does.
          const lines = fs.readFileSync(copyFile, 'utf8').split(/(?<=\n)/);
          for (let i = 0; i < lines.length; i += 50_000) await client.pg.query(`copy leads (${columns}) from '/dev/blob'`, [], { blob: new Blob([lines.slice(i, i + 50_000).join('')]) });
        }
      });

    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    let peakRss = baselineRss;
    const bare: number[] = [];
    const route: number[] = [];
    for (let run = 1; run <= runs; run++) {
      await empty();
      t = performance.now();
      await bareCopy();
      bare.push((performance.now() - t) / 1000);

      await empty();
      const created = await createCampaign(
        new Request('http://127.0.0.1:3000/api/campaigns', {
          method: 'POST',
          headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Bench ${run}`, timezone: 'America/New_York', callWindows: [{ dayOfWeek: 1, startHour: 9, endHour: 17 }], maxCallsPerDay: 100, maxCallsPerLead: 3 }),
        }),
        { params: Promise.resolve({}) },
      );
      const { id } = (await created.json()) as { id: string };
      const boundary = `bench-${crypto.randomBytes(8).toString('hex')}`;
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
      t = performance.now();
      const res = await upload(
        new Request(`http://127.0.0.1:3000/api/campaigns/${id}/leads/upload`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
          body: multipartBody(csvFile, boundary),
          duplex: 'half',
        } as RequestInit),
        { params: Promise.resolve({ id }) },
      );
      const report = (await res.json()) as { inserted: number; totalRows: number };
      route.push((performance.now() - t) / 1000);
      clearInterval(sampler);
      if (res.status !== 200 || report.inserted !== rows) throw new Error(`the upload answered ${res.status}: ${JSON.stringify(report).slice(0, 300)}`);
      print(`run ${run}         bare COPY ${bare.at(-1)!.toFixed(2)} s, upload route ${route.at(-1)!.toFixed(2)} s (${((bare.at(-1)! / route.at(-1)!) * 100).toFixed(1)} %)`);
    }
    await empty();

    const bareRate = rows / median(bare);
    const routeRate = rows / median(route);
    print(`bare COPY     median ${median(bare).toFixed(2)} s = ${Math.round(bareRate).toLocaleString('en-US')} rows/s (runs ${bare.map((s) => s.toFixed(2)).join(', ')})`);
    print(`upload route  median ${median(route).toFixed(2)} s = ${Math.round(routeRate).toLocaleString('en-US')} rows/s (runs ${route.map((s) => s.toFixed(2)).join(', ')})`);
    print(`route / bare  ${((routeRate / bareRate) * 100).toFixed(1)} % (target ≥ 70 %)`);
    print(`peak RSS      ${mb(peakRss)} during the route's runs (before: ${mb(baselineRss)}; target ≤ 400 MB at 1,000,000 rows)`);
    const bench = `import-csv (${rows.toLocaleString('en-US')} rows)`;
    reportFigure({ bench, name: 'upload route rate', value: (routeRate / bareRate) * 100, unit: '% of bare COPY', target: '≥ 70 %', met: routeRate / bareRate >= 0.7, baseline: { name: 'bare COPY', value: Math.round(bareRate), unit: 'rows/s' } });
    reportFigure({ bench, name: 'peak server RSS', value: peakRss / 2 ** 20, unit: 'MB', target: '≤ 400 MB at 1,000,000 rows', met: peakRss / 2 ** 20 <= 400 });
  } finally {
    setDbHandle(undefined);
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  printError(error);
  process.exit(1);
});
