// A benchmark's data loaded as a bulk load is done, where the load is not what the benchmark measures: the tables'
// indexes, primary and unique keys and foreign keys (theirs, and those pointing at them) are dropped, the rows
// inserted set-based, then every one of them is built again from its own definition: one sort per index instead of
// a btree insert per row and index, and one join per foreign key instead of a check per row. The schema afterwards
// is the migrated one (checked); what differs is that the indexes are freshly packed, as after a REINDEX.
import { sql } from 'drizzle-orm';
import type { BenchHandle } from './bench-database';

type Db = BenchHandle['db'];
type Definition = { kind: 'index' | 'key' | 'foreign key'; table: string; name: string; def: string };

/** Runs `load` with the tables' indexes and keys out of the way, then builds them all again; returns its result. */
export async function loadWithIndexesAfter<T>(db: Db, tables: string[], load: () => Promise<T>): Promise<T> {
  const before = await definitionsOf(db, tables);
  const keys = before.filter((d) => d.kind === 'key');
  const foreignKeys = before.filter((d) => d.kind === 'foreign key');
  const indexes = before.filter((d) => d.kind === 'index');
  // A key cannot go while a foreign key leans on it, nor a foreign key be added before the key it references.
  for (const d of [...foreignKeys, ...keys]) await db.execute(sql.raw(`alter table ${d.table} drop constraint ${d.name}`));
  for (const d of indexes) await db.execute(sql.raw(`drop index ${d.name}`));
  const result = await load();
  await db.transaction(async (tx) => {
    // Room to sort a few million entries in memory (the server's default, 64 MB, spills them to disk).
    await tx.execute(sql.raw(`set local maintenance_work_mem = '256MB'`));
    for (const d of indexes) await tx.execute(sql.raw(d.def));
    for (const d of [...keys, ...foreignKeys]) await tx.execute(sql.raw(`alter table ${d.table} add constraint ${d.name} ${d.def}`));
  });
  for (const table of tables) await db.execute(sql.raw(`analyze ${table}`));
  const after = await definitionsOf(db, tables);
  const digest = (ds: Definition[]) => ds.map((d) => `${d.table} ${d.name} ${d.def}`).sort().join('\n');
  if (digest(after) !== digest(before)) throw new Error(`the indexes and keys of ${tables.join(', ')} differ after the load:\n${digest(before)}\n---\n${digest(after)}`);
  return result;
}

/** The tables' indexes (other than keys'), primary and unique keys, and every foreign key from or to them. */
async function definitionsOf(db: Db, tables: string[]): Promise<Definition[]> {
  const { rowsOf } = await import('@/db');
  const oids = sql`${`{${tables.join(',')}}`}::regclass[]`;
  return rowsOf<Definition>(
    await db.execute(sql`
    select case c.contype when 'f' then 'foreign key' else 'key' end as kind, c.conrelid::regclass::text as "table", c.conname as name, pg_get_constraintdef(c.oid) as def
    from pg_constraint c
    where (c.contype in ('p', 'u') and c.conrelid = any(${oids})) or (c.contype = 'f' and (c.conrelid = any(${oids}) or c.confrelid = any(${oids})))
    union all
    select 'index', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
    from pg_index i
    where i.indrelid = any(${oids}) and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))`),
  );
}
