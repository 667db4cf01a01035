// What a benchmark's database backends are doing, sampled from pg_stat_activity every few milliseconds while a
// measurement runs: running (active, no wait event: on a core or waiting for one), waiting on a lock or on I/O, or
// waiting for the app (idle, or idle in a transaction: the next statement has not arrived). The shares say whether
// a throughput is bound by the database's CPU, by its locks, or by the round trips of the processes driving it.
import { sql } from 'drizzle-orm';
import type { BenchHandle } from './bench-database';

type Row = { state: string | null; wait_event_type: string | null; wait_event: string | null; query: string | null };

export type WaitShares = { samples: number; shares: Record<string, number> };

const kindOf = (r: Row) => {
  // A lock wait names the statement waiting, so a contended row can be told from the claim's own design.
  if (r.state === 'active' && r.wait_event_type === 'Lock') return `active, waiting on Lock:${r.wait_event} in "${(r.query ?? '').replace(/\s+/g, ' ').trim().slice(0, 48)}…"`;
  if (r.state === 'active') return r.wait_event_type ? `active, waiting on ${r.wait_event_type}:${r.wait_event}` : 'active, running';
  if (r.state === 'idle in transaction') return 'idle in transaction (the app has the next move)';
  return 'idle (between transactions)';
};

/** Samples the backends of `pids` from `startAt` (Date.now() time) until stop(); the shares are over every backend sample. */
export function sampleWaits(db: BenchHandle['db'], pids: number[], startAt = Date.now(), everyMs = 20): { stop: () => Promise<WaitShares> } {
  const counts = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    const { rowsOf } = await import('@/db');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    while (!stopped) {
      const rows = rowsOf<Row>(await db.execute(sql`select state, wait_event_type, wait_event, query from pg_stat_activity where pid = any(${`{${pids.join(',')}}`}::int[])`));
      for (const r of rows) {
        const kind = kindOf(r);
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        samples++;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return { samples, shares: Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, n / Math.max(1, samples)])) };
    },
  };
}

export function describeWaits(w: WaitShares): string {
  return `${Object.entries(w.shares)
    .map(([kind, share]) => `${kind} ${(share * 100).toFixed(0)} %`)
    .join(', ')} (${w.samples} backend samples)`;
}
