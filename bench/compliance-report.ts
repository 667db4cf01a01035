// Benchmark: the compliance report and the evidence CSV over a campaign of 100,000 calls with stored evidence,
// each as a ratio to a bare read of the same keyset pages (what re-checking every call costs on top of reading it).
//   DATABASE_URL=postgres://… npx tsx bench/compliance-report.ts     BENCH_CALLS to change
import { spawnSync } from 'node:child_process';
import { openBenchDatabase, seedBenchOwner } from './lib/bench-database';

const print = (line: string) => process.stdout.write(`${line}\n`);

if (!process.execArgv.some((a) => a.includes('react-server'))) {
  const run = spawnSync(process.execPath, ['--conditions=react-server', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const calls = Number(process.env.BENCH_CALLS ?? 100_000);

const { schema } = await import('@/db');
const { sql } = await import('drizzle-orm');
const { campaignConfig } = await import('@/lib/services/campaigns/config');
const { complianceCampaignOf, complianceEvidence, complianceReport, decideForLead, exportEvidenceCsv, OWNER_DNC_LIST } = await import('@/lib/services/compliance');
const { callEvidencePages } = await import('@/lib/services/compliance/call-evidence-pages');

const database = await openBenchDatabase({ max: 2 });
const main = database.handle;

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const t0 = performance.now();
  const result = await run();
  return { seconds: (performance.now() - t0) / 1000, result };
}

try {
  const ownerId = await seedBenchOwner(main.db);
  const config = campaignConfig.parse({ timezone: 'America/New_York', callWindows: [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startHour: 9, endHour: 17 })), maxCallsPerDay: 1_000_000, maxCallsPerLead: 3 });
  const [campaign] = await main.db.insert(schema.campaigns).values({ workspaceId: ownerId, name: 'Bench', config }).returning();
  const rules = complianceCampaignOf(config);

  // One lawful evidence as the claim writes it; every call gets it with its own number.
  const at = new Date('2026-06-17T15:00:00Z');
  const ctx = { blackouts: [], callsLast24h: new Map(), inFlight: new Set<string>(), dnc: new Set<string>(), dncListsConsulted: [OWNER_DNC_LIST] };
  const lead = { phone: '+12122000000', consentAt: '2026-06-01T10:00:00Z', consentSource: 'web form' };
  const template = complianceEvidence(ctx, lead, rules, decideForLead(ctx, lead, rules, at), at);
  const t0 = performance.now();
  await main.db.execute(sql`
    insert into leads (campaign_id, name, phone, consent_at, consent_source)
    select ${campaign.id}, 'Lead ' || g, '+1212' || lpad((2000000 + g)::text, 7, '0'), '2026-06-01T10:00:00Z', 'web form' from generate_series(1, ${calls}) g`);
  // The claim inserts a batch of up to 50 calls per transaction, and a transaction's rows share created_at.
  const batch = sql.raw(String(50));
  await main.db.execute(sql`
    insert into campaign_calls (campaign_id, lead_id, attempt_number, status, phone, claimed_at, compliance, created_at)
    select campaign_id, id, 1, 'completed', phone, ${at.toISOString()}::timestamptz, jsonb_set(${JSON.stringify(template)}::jsonb, '{phone}', to_jsonb(phone)), now() + (row_number() over (order by id) / ${batch}) * interval '1 millisecond' from leads where campaign_id = ${campaign.id}`);
  await main.db.execute(sql`analyze campaign_calls`);
  print(`  inserted ${calls.toLocaleString()} calls with evidence in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const bare = await timed(async () => {
    let n = 0;
    for await (const page of callEvidencePages(main.db, { campaignId: campaign.id })) n += page.length;
    return n;
  });
  const report = await timed(() => complianceReport(main.db, { campaignId: campaign.id, campaign: rules }));
  const csv = await timed(async () => {
    let bytes = 0;
    for await (const chunk of exportEvidenceCsv(main.db, { campaignId: campaign.id })) bytes += chunk.length;
    return bytes;
  });
  if (bare.result !== calls || report.result.callsPlaced !== calls) throw new Error(`read ${bare.result} calls, reported ${report.result.callsPlaced}, expected ${calls}`);
  print(`  bare keyset read: ${calls.toLocaleString()} calls in ${bare.seconds.toFixed(2)} s (${Math.round(calls / bare.seconds).toLocaleString()} calls/s) = 1.00`);
  print(`  report (re-check every call): ${report.seconds.toFixed(2)} s = ${(report.seconds / bare.seconds).toFixed(2)}× the bare read; violations: ${report.result.violationCount}`);
  print(`  evidence CSV: ${(csv.result / 1e6).toFixed(1)} MB in ${csv.seconds.toFixed(2)} s = ${(csv.seconds / bare.seconds).toFixed(2)}× the bare read`);
  print(`  heap after: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
} finally {
  await database.drop();
}
