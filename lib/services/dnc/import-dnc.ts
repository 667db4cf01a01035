// A CSV of numbers onto the DNC list: streamed, batched, in one transaction like the lead import.
// (A National Do Not Call Registry download goes through import-dnc-registry.ts instead.)
import { schema, type Db, type Queryable } from '@/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { BatchWriter } from '@/lib/services/leads/batch-writer';
import { detectColumnTarget, normalizeHeader } from '@/shared/csv-columns';
import { tooManyRows } from '@/lib/services/leads/import-leads';
import { normalizePhone } from '@/lib/services/leads/normalize-phone';
import { NUL_STRIPPED, readCsvRecords } from '@/lib/services/leads/read-csv';
import { Rejections, type Rejection } from '@/lib/services/leads/rejections';
import { markLeadsDoNotCall } from './mark-leads-do-not-call';

export const DNC_BATCH_SIZE = 1000;

export type ImportDncInput = { workspaceId: string; actorId?: string | null; csv: AsyncIterable<Uint8Array>; reason?: string; region: string; maxRows: number; now: Date };
export type DncFileFormat = 'csv' | 'registry';
export type ImportDncResult = { format: DncFileFormat; added: number; duplicates: number; leadsMarked: number; rejected: Rejection[]; rejectedTotal: number; cleaned: Rejection[]; totalRows: number };

type Entry = { phone: string; reason: string | null };
type Columns = { phone: number; reason: number };

const reasonHeaders = new Set(['reason', 'note', 'notes', 'comment', 'comments']);

export async function importDnc(db: Db, { workspaceId, actorId = null, csv, reason, region, maxRows, now }: ImportDncInput): Promise<ImportDncResult> {
  return db.transaction(async (tx) => {
    const counts = { added: 0, duplicates: 0, leadsMarked: 0 };
    const rejections = new Rejections();
    const cleaned = new Rejections();
    let totalRows = 0;
    let columns: Columns | null = null;
    const writer = new BatchWriter<Entry>(DNC_BATCH_SIZE, async (entries) => {
      const batch = await insertDncBatch(tx, { workspaceId, entries, now });
      counts.added += batch.added;
      counts.duplicates += batch.duplicates;
      counts.leadsMarked += batch.leadsMarked;
    });

    try {
      for await (const record of readCsvRecords(csv)) {
        if (!columns && record.fields) {
          columns = columnsOf(record.fields, region);
          // A bare list of numbers has no header: its first line is already a number.
          if (columns) continue;
          columns = { phone: 0, reason: -1 };
        }
        if (++totalRows > maxRows) throw tooManyRows(maxRows);
        if (record.problem !== undefined) {
          rejections.add(record.line, record.problem);
          continue;
        }
        const phone = normalizePhone(record.fields[columns!.phone] ?? '', region);
        if (!phone.ok) {
          rejections.add(record.line, phone.reason);
          continue;
        }
        const rowReason = columns!.reason >= 0 ? record.fields[columns!.reason]?.trim() : '';
        if (record.nulStripped) cleaned.add(record.line, NUL_STRIPPED);
        await writer.add({ phone: phone.phone, reason: (rowReason || reason || '').slice(0, 500) || null });
      }
      await writer.finish();
    } catch (error) {
      await writer.abandon();
      throw error;
    }
    if (!columns) throw new AppError('unprocessable', 'The file is empty: it needs a phone column', { file: 'the CSV is empty' });

    await recordAudit(tx, { actorId, campaignId: null, action: 'dnc.imported', details: { ...counts, rejected: rejections.total, totalRows }, at: now });
    return { format: 'csv', ...counts, rejected: rejections.list(), rejectedTotal: rejections.total, cleaned: cleaned.list(), totalRows };
  });
}

/** The header's phone and reason columns; null when the first line is no header but a number. */
function columnsOf(fields: readonly string[], region: string): Columns | null {
  const phone = fields.findIndex((h) => detectColumnTarget(h) === 'phone');
  const reason = fields.findIndex((h) => reasonHeaders.has(normalizeHeader(h)));
  if (phone >= 0) return { phone, reason };
  if (normalizePhone(fields[0] ?? '', region).ok) return null;
  throw new AppError('unprocessable', 'The file has no phone column: name one phone, mobile or cell', { file: 'no phone column' });
}

async function insertDncBatch(db: Queryable, { workspaceId, entries, now }: { workspaceId: string; entries: Entry[]; now: Date }) {
  // The first row for a number wins, as the first insert does across batches.
  const byPhone = new Map<string, Entry>();
  for (const entry of entries) if (!byPhone.has(entry.phone)) byPhone.set(entry.phone, entry);
  const added = await db
    .insert(schema.dncNumbers)
    .values([...byPhone.values()].map((e) => ({ workspaceId, phone: e.phone, reason: e.reason, source: 'import', createdAt: now })))
    .onConflictDoNothing()
    .returning({ phone: schema.dncNumbers.phone });
  const leadsMarked = await markLeadsDoNotCall(db, { workspaceId, phones: added.map((a) => a.phone), now });
  return { added: added.length, duplicates: entries.length - added.length, leadsMarked };
}
