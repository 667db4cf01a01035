// The backfill for rows written before personal data was encrypted (migration 0013 turned them into
// plaintext text): seals them in batches. Reads never depend on it (plaintext still reads), so it runs
// in the background at start-up. Each row is rewritten only if it still holds the plaintext that was
// read, so a value the app writes meanwhile is never overwritten with an older one.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Queryable } from '@/db';
import { dataCipher } from '@/lib/data-cipher';

const batchSize = 500;

type Column = { table: 'campaign_calls' | 'leads'; column: 'transcript' | 'report' | 'recording_url' | 'context'; skip?: SQL };

const columns: Column[] = [
  { table: 'campaign_calls', column: 'transcript' },
  { table: 'campaign_calls', column: 'report' },
  { table: 'campaign_calls', column: 'recording_url' },
  // An empty context says nothing and stays as it is (lead-context.ts).
  { table: 'leads', column: 'context', skip: sql`and context <> '{}'` },
];

export async function sealLegacyPersonalData(db: Queryable): Promise<Record<string, number>> {
  const sealed: Record<string, number> = {};
  for (const { table, column, skip } of columns) {
    const t = sql.identifier(table);
    const col = sql.identifier(column);
    let count = 0;
    for (;;) {
      const rows = rowsOf<{ id: string; value: string }>(
        await db.execute(sql`select id, ${col} as value from ${t} where ${col} is not null and ${col} not like 'v1:%' ${skip ?? sql``} limit ${batchSize}`),
      );
      if (rows.length === 0) break;
      const ids = rows.map((r) => r.id);
      const olds = rows.map((r) => r.value);
      const news = rows.map((r) => dataCipher().seal(r.value));
      const updated = rowsOf<{ id: string }>(
        await db.execute(sql`
          update ${t} set ${col} = u.sealed
          from unnest(${sql.param(ids)}::uuid[], ${sql.param(olds)}::text[], ${sql.param(news)}::text[]) as u(id, old, sealed)
          where ${t}.id = u.id and ${t}.${col} = u.old
          returning ${t}.id`),
      );
      count += updated.length;
      if (rows.length < batchSize) break;
    }
    sealed[`${table}.${column}`] = count;
  }
  return sealed;
}
