// One hit against a named limit, counted in Postgres so every instance shares it: a single atomic
// upsert (the row lock serialises concurrent hits on one key), no read-then-write race.
import { inArray, lt, sql } from 'drizzle-orm';
import { rowsOf, schema, type Queryable } from '@/db';

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitVerdict = { allowed: boolean; hits: number; limit: number; retryAfterSeconds: number };

/** Counts a hit on `key`; allowed while the window holds at most `limit` hits. */
export async function consumeRateLimit(db: Queryable, { key, rule, now }: { key: string; rule: RateLimitRule; now: Date }): Promise<RateLimitVerdict> {
  const windowEndedBy = new Date(now.getTime() - rule.windowSeconds * 1000);
  const [row] = rowsOf<{ hits: number; window_start: string | Date }>(
    await db.execute(sql`
      insert into rate_limits (key, window_start, hits) values (${key}, ${now.toISOString()}::timestamptz, 1)
      on conflict (key) do update set
        hits = case when rate_limits.window_start <= ${windowEndedBy.toISOString()}::timestamptz then 1 else rate_limits.hits + 1 end,
        window_start = case when rate_limits.window_start <= ${windowEndedBy.toISOString()}::timestamptz then excluded.window_start else rate_limits.window_start end
      returning hits, window_start`),
  );
  const hits = Number(row.hits);
  const windowEnds = new Date(row.window_start).getTime() + rule.windowSeconds * 1000;
  return { allowed: hits <= rule.limit, hits, limit: rule.limit, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)) };
}

/** Forgets the counters of `keys` (a successful sign-in clears that account's failures from that address). */
export async function clearRateLimits(db: Queryable, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await db.delete(schema.rateLimits).where(inArray(schema.rateLimits.key, keys));
}

/** Deletes counters whose windows ended before `before`; run by a job. */
export async function pruneRateLimits(db: Queryable, { before }: { before: Date }): Promise<number> {
  const deleted = await db.delete(schema.rateLimits).where(lt(schema.rateLimits.windowStart, before)).returning({ key: schema.rateLimits.key });
  return deleted.length;
}
