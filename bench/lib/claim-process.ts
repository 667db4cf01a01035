// One app process of the claim benchmark (bench/claim-leads.ts): its own connection pool of `workers` connections,
// and `workers` claimers, each claiming 50-lead batches through the real claimLeads in a loop over the campaigns,
// from a moment the benchmark gives to every process (so 1, 2 or 4 processes claim over the same window) for
// `seconds`. After each claim its calls are ended at once (counted in the process's wall time, not in its time inside
// claimLeads), so the concurrency cap never throttles the measurement. A claim that finds its one campaign locked
// pauses before the next, as the engine's refill does.
import { serveRequests, sleepUntil } from './app-processes';

const { openPostgres, rowsOf, schema } = await import('@/db');
const { inArray, sql } = await import('drizzle-orm');
const { claimLeads } = await import('@/lib/services/engine/claim-leads');
const { lockedRetryDelaysMs } = await import('@/lib/services/engine/refill');

export type ClaimRequest =
  | { type: 'open'; url: string; workers: number }
  | { type: 'claim'; campaignIds: string[]; firstWorker: number; startAt: number; seconds: number; now: string; batch: number };

export type ClaimReply = {
  /** Leads claimed and milliseconds spent inside claimLeads, per claimer. */
  perWorker: { claimed: number; ms: number }[];
  /** Milliseconds of each claim that took at least one lead. */
  latencies: number[];
  /** Claims that found the campaign's row locked by another claim (SKIP LOCKED) and took nothing. */
  locked: number;
  /** Claims that took fewer leads than asked without the lock in the way (the concurrency cap, or a queue running dry). */
  short: number;
  /** When the last claimer finished its last claim (Date.now()). */
  finishedAt: number;
};

let handle: Awaited<ReturnType<typeof openPostgres>> | undefined;
let workers = 0;

serveRequests<ClaimRequest, ClaimReply | { backends: number[] }>(async (request) => {
  if (request.type === 'open') {
    handle = await openPostgres(request.url, { max: request.workers });
    workers = request.workers;
    // Every connection of the pool opened before the first measurement; their backends' pids for the benchmark.
    const rows = await Promise.all(Array.from({ length: workers }, () => handle!.db.execute(sql`select pg_backend_pid() as pid, pg_sleep(0.05)`)));
    return { backends: [...new Set(rows.flatMap((r) => rowsOf<{ pid: number }>(r).map((row) => row.pid)))] };
  }
  const db = handle!.db;
  const now = new Date(request.now);
  const n = request.campaignIds.length;
  const perWorker = Array.from({ length: workers }, () => ({ claimed: 0, ms: 0 }));
  const latencies: number[] = [];
  let locked = 0;
  let short = 0;
  await sleepUntil(request.startAt);
  const deadline = request.startAt + request.seconds * 1000;
  await Promise.all(
    perWorker.map(async (mine, w) => {
      for (let turn = 0; Date.now() < deadline; turn++) {
        const t = performance.now();
        const result = await claimLeads(db, { campaignId: request.campaignIds[(request.firstWorker + w + turn) % n], now, want: request.batch });
        const ms = performance.now() - t;
        mine.ms += ms;
        if (result.skippedCampaignLocked) {
          locked++;
          // As the engine's refill does: a campaign another claim holds is tried again after a pause, not at once
          // (spinning on it took the CPU its holder needed). With several campaigns the worker's next turn is another.
          if (n === 1) await new Promise((resolve) => setTimeout(resolve, lockedRetryDelaysMs[0]));
        }
        if (!result.skippedCampaignLocked && result.claimed.length < request.batch) short++;
        if (result.claimed.length === 0) continue;
        mine.claimed += result.claimed.length;
        latencies.push(ms);
        await db
          .update(schema.campaignCalls)
          .set({ status: 'no_answer', outcome: 'no_answer' })
          .where(inArray(schema.campaignCalls.id, result.claimed.map((c) => c.callId)));
      }
    }),
  );
  return { perWorker, latencies, locked, short, finishedAt: Date.now() };
});
