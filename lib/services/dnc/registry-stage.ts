// A temporary table the registry's numbers are bulk-loaded into before one set-based insert.
// On Postgres the COPY stream is written as the file is parsed, and the socket's backpressure
// paces the parsing, so reading, parsing and the server's COPY run side by side with flat memory.
// PGlite runs in this process, so nothing overlaps there: it gets the same COPY text in ~1 MB
// batches through its /dev/blob COPY.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { driverClientOf, type Tx } from '@/db';
import type { RegistryChunk } from './registry-file';

export const STAGE_TABLE = 'dnc_import_stage';
const PGLITE_BATCH_BYTES = 1024 * 1024;

export type RegistryStage = {
  write(chunk: RegistryChunk): Promise<void>;
  /** Ends the load; the table then holds every number written. */
  finish(): Promise<void>;
  /** Stops a load that is failing anyway, so the transaction can roll back. */
  abort(error: unknown): Promise<void>;
};

export async function openRegistryStage(tx: Tx): Promise<RegistryStage> {
  const client = driverClientOf(tx);
  const create = `create temp table ${STAGE_TABLE} (phone text not null) on commit drop`;
  if (client.driver === 'postgres') {
    await client.sql.unsafe(create);
    const copy: Writable = await client.sql.unsafe(`copy ${STAGE_TABLE} (phone) from stdin`).writable();
    const done = new Promise<void>((resolve, reject) => {
      copy.once('finish', resolve);
      copy.once('close', resolve);
      copy.once('error', reject);
    });
    done.catch(() => {});
    return {
      async write({ copyText }) {
        if (copy.write(copyText)) return;
        await Promise.race([once(copy, 'drain'), done]);
      },
      async finish() {
        copy.end();
        await done;
        // The planner then knows the table's size when it picks the anti-join.
        await client.sql.unsafe(`analyze ${STAGE_TABLE}`);
      },
      async abort(error) {
        copy.destroy(error instanceof Error ? error : new Error(String(error)));
        await done.catch(() => {});
      },
    };
  }

  const pg = client.pg;
  await pg.query(create);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const blob = new Blob(pending as Uint8Array<ArrayBuffer>[]);
    pending = [];
    pendingBytes = 0;
    await pg.query(`copy ${STAGE_TABLE} (phone) from '/dev/blob'`, [], { blob });
  };
  return {
    async write({ copyText }) {
      pending.push(copyText);
      pendingBytes += copyText.length;
      if (pendingBytes >= PGLITE_BATCH_BYTES) await flush();
    },
    finish: flush,
    async abort() {
      pending = [];
      pendingBytes = 0;
    },
  };
}
