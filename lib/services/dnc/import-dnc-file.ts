// One entry for an uploaded DNC file: a registry download (by its shape, or when the user says
// so) is bulk-loaded; anything else is read as a CSV.
import type { Db } from '@/db';
import { importDnc, type DncFileFormat, type ImportDncResult } from './import-dnc';
import { importDncRegistry } from './import-dnc-registry';
import { looksLikeRegistry } from './registry-file';

// Enough lines (~5,000 registry numbers) to tell a registry download from a CSV.
const HEAD_BYTES = 64 * 1024;

export type ImportDncFileInput = {
  workspaceId: string;
  actorId?: string | null;
  file: AsyncIterable<Uint8Array>;
  format: DncFileFormat | 'auto';
  reason?: string;
  region: string;
  /** Rows allowed in a CSV; a registry file is bounded by the upload's size alone. */
  maxCsvRows: number;
  now: Date;
};

export async function importDncFile(db: Db, { workspaceId, actorId, file, format, reason, region, maxCsvRows, now }: ImportDncFileInput): Promise<ImportDncResult> {
  const { head, complete, whole } = await peek(file, HEAD_BYTES);
  if (format === 'registry' || (format === 'auto' && looksLikeRegistry(head, complete))) {
    return importDncRegistry(db, { workspaceId, actorId, file: whole, reason, now });
  }
  return importDnc(db, { workspaceId, actorId, csv: whole, reason, region, maxRows: maxCsvRows, now });
}

/** The first `bytes` of a stream, and the whole stream again (head included) to read on. */
async function peek(source: AsyncIterable<Uint8Array>, bytes: number) {
  const iterator = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  try {
    while (size < bytes) {
      const next = await iterator.next();
      if (next.done) {
        complete = true;
        break;
      }
      chunks.push(next.value);
      size += next.value.byteLength;
    }
  } catch (error) {
    await iterator.return?.(undefined);
    throw error;
  }
  async function* whole(): AsyncGenerator<Uint8Array> {
    try {
      yield* chunks;
      if (complete) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // However the import stops reading (done, refused), the upload is released.
      await iterator.return?.(undefined);
    }
  }
  return { head: Buffer.concat(chunks), complete, whole: whole() };
}
