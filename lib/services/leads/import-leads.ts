// The CSV import: streamed from the upload through the parser into a temporary staging table, in
// chunks bulk-loaded by COPY, each merged into `leads` by one set-based statement while the next
// chunk is parsed (docs/decisions/011-lead-import-stages-and-merges.md). It runs in one
// transaction, so an upload that fails as a whole (too large, too many rows, cut off) leaves
// nothing behind, while rows refused one by one are reported and the good rows kept.
import type { Db } from '@/db';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { getCampaignOrThrow } from '@/lib/services/campaigns/get-campaign-or-throw';
import { assertCampaignTakesLeads } from './assert-campaign-takes-leads';
import { resolveColumns, type ColumnMapping, type ResolvedColumn } from '@/shared/csv-columns';
import { CopyChunks } from './copy-chunks';
import { leadFromRecord } from './lead-from-record';
import { dncHashKeys } from '@/lib/services/dnc/dnc-keys';
import { copyLine, openLeadStage } from './lead-stage';
import { BIDI_STRIPPED, NUL_STRIPPED, readCsvRecords } from './read-csv';
import { Rejections, type Rejection } from './rejections';
import { announceWebhookEvents, enqueueWebhookEvent, webhookCampaignOf } from '@/lib/services/webhooks/outbox';
import type { ImportProgress } from '@/shared/contracts/import-progress';

/** Leads per staged chunk: big enough that a merge's fixed cost vanishes, small enough that parsing and merging overlap. */
export const IMPORT_CHUNK_ROWS = 20_000;

// Where an import stands, after each chunk the database has taken: a contract the browser reads too.
export type { ImportProgress };

export type ImportLeadsInput = {
  workspaceId: string;
  userId: string;
  campaignId: string;
  csv: AsyncIterable<Uint8Array>;
  mapping?: ColumnMapping;
  /** The country national numbers are read in, for this file; else the campaign's. */
  defaultRegion?: string;
  maxRows: number;
  now: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Tests set a small chunk to cross chunk boundaries with a small file. */
  chunkRows?: number;
};

/**
 * `cleaned`: rows imported after a repair (NULs or text-direction controls removed), listed like rejections.
 * `notes`: rows imported with a value read differently from how it was written (a state that names no state, a
 * UTC zone on a North American number, a consent date that is no date), listed the same way; `notesTotal` is exact.
 */
export type ImportLeadsResult = {
  inserted: number;
  duplicates: number;
  dnc: number;
  rejected: Rejection[];
  rejectedTotal: number;
  cleaned: Rejection[];
  notes: Rejection[];
  notesTotal: number;
  totalRows: number;
};

export async function importLeads(db: Db, { workspaceId, userId, campaignId, csv, mapping, defaultRegion, maxRows, now, onProgress, chunkRows = IMPORT_CHUNK_ROWS }: ImportLeadsInput): Promise<ImportLeadsResult> {
  const campaign = await getCampaignOrThrow(db, { workspaceId, campaignId });
  assertCampaignTakesLeads(campaign);
  const region = defaultRegion ?? campaign.config.defaultRegion ?? 'US';

  const imported = await db.transaction(async (tx) => {
    const counts = { inserted: 0, duplicates: 0, dnc: 0 };
    const rejections = new Rejections();
    const cleaned = new Rejections();
    const notes = new Rejections();
    let totalRows = 0;
    let header: { columns: ResolvedColumn[]; width: number; minWidth: number } | null = null;
    let leadsRead = 0;
    const stage = await openLeadStage(tx, { campaignId: campaign.id, workspaceId: campaign.workspaceId, now });
    const writer = new CopyChunks(chunkRows, async (text, lines) => {
      const added = await stage.mergeChunk(text, lines);
      counts.inserted += added.inserted;
      counts.duplicates += added.duplicates;
      counts.dnc += added.dnc;
      onProgress?.({ rows: counts.inserted + counts.duplicates + counts.dnc + rejections.total, ...counts, rejected: rejections.total });
    });

    try {
      for await (const record of readCsvRecords(csv)) {
        if (!header && record.fields) {
          header = headerOf(record.fields, mapping);
          continue;
        }
        if (++totalRows > maxRows) throw tooManyRows(maxRows);
        const problem = record.problem ?? checkWidth(record.fields, header!.width, header!.minWidth);
        const verdict = problem ? { reason: problem } : leadFromRecord(record.fields!, header!.columns, region, now);
        if (verdict.reason !== undefined) rejections.add(record.line, verdict.reason);
        else {
          if (record.nulStripped) cleaned.add(record.line, NUL_STRIPPED);
          if (record.bidiStripped) cleaned.add(record.line, BIDI_STRIPPED);
          for (const note of verdict.notes) notes.add(record.line, note);
          const full = writer.add(copyLine(leadsRead++, verdict.lead, dncHashKeys(verdict.lead.phone)));
          if (full) await full;
        }
      }
      await writer.finish();
    } catch (error) {
      // Never leave the transaction to roll back under a statement still running on it.
      await writer.abandon();
      throw error;
    }
    if (!header) throw new AppError('unprocessable', 'The file is empty: it needs a header row and then one lead per row', { file: 'the CSV is empty' });

    const result = { ...counts, rejected: rejections.list(), rejectedTotal: rejections.total, cleaned: cleaned.list(), notes: notes.list(), notesTotal: notes.total, totalRows };
    await recordAudit(tx, { actorId: userId, campaignId: campaign.id, action: 'leads.imported', details: { ...counts, rejected: rejections.total, totalRows }, at: now });
    const webhooks = await enqueueWebhookEvent(tx, {
      workspaceId: campaign.workspaceId,
      type: 'import.completed',
      orderingKey: campaign.id,
      now,
      data: { campaign: webhookCampaignOf(campaign), ...counts, rejected: rejections.total, totalRows },
    });
    return { result, webhooks };
  });
  if (imported.webhooks) announceWebhookEvents();
  return imported.result;
}

export function tooManyRows(maxRows: number) {
  return new AppError('payload_too_large', `The file has more than ${maxRows.toLocaleString('en-US')} rows: split it into smaller files`, { file: `more than ${maxRows} rows` });
}

function headerOf(fields: string[], mapping: ColumnMapping | undefined) {
  const { columns, errors } = resolveColumns(fields, mapping);
  if (Object.keys(errors).length) {
    throw new AppError('unprocessable', `The columns cannot be imported: ${Object.values(errors)[0]}`, errors);
  }
  // Unnamed columns at the end of the header are trailing delimiters: rows may leave them out.
  let minWidth = fields.length;
  while (minWidth > 0 && fields[minWidth - 1].trim() === '') minWidth--;
  return { columns, width: fields.length, minWidth };
}

/** A row must fill the header's columns; extra cells are tolerated only when empty (a trailing delimiter). */
function checkWidth(fields: readonly string[], width: number, minWidth: number): string | null {
  const extra = fields.length > width && fields.slice(width).some((f) => f.trim() !== '');
  if (fields.length >= minWidth && !extra) return null;
  return `the row has ${fields.length} columns where the header has ${width}`;
}

