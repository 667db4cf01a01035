// A first look at a CSV in the browser, before it is uploaded: the header, a few rows and a
// rough row count from the first 64 KB. The server parses the whole file for real, with the same
// dialect (shared/csv-dialect.ts: delimiter guess, BOM, line breaks, header names) and the same
// parser (csv-parse, here its browser build), so the preview shows the columns the import reads.
import { stripNul } from '@/lib/nul-bytes';
import { withoutBidiControls } from '@/lib/bidi-controls';
import { csvParseOptions, headerName, isBlankRecord, lineFeedsOnly, sniffDelimiter } from '@/shared/csv-dialect';
import { toCsv } from '@/shared/csv-writer';

export const PREVIEW_BYTES = 64 * 1024;

export type CsvPreview = {
  headers: string[];
  rows: string[][];
  delimiter: string;
  /** Exact when the whole file fit in the preview, else an estimate from the bytes per row. */
  rowCount: number;
  rowCountIsEstimate: boolean;
};

/** CSV text to records, as the importer reads them (blank rows dropped, NULs and text-direction controls removed). */
export async function readCsvText(text: string): Promise<{ delimiter: string; records: string[][] }> {
  // The browser build bundles what it needs from Node (Buffer); loaded only when a file is previewed.
  const { parse } = await import('csv-parse/browser/esm/sync');
  const normalized = lineFeedsOnly(text);
  const delimiter = sniffDelimiter(normalized);
  const records = parse(normalized, {
    ...csvParseOptions(delimiter),
    on_record: (fields: string[]) => (isBlankRecord(fields) ? null : fields.map((f) => withoutBidiControls(stripNul(f)))),
  });
  return { delimiter, records };
}

export async function previewCsv(file: File, maxRows = 5): Promise<CsvPreview> {
  const truncated = file.size > PREVIEW_BYTES;
  let text = await file.slice(0, PREVIEW_BYTES).text();
  // The slice most likely ends mid-row: drop that last partial line (a quoted field left open by the
  // cut is skipped as the importer skips one).
  if (truncated) text = text.slice(0, Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'), 0));
  const { delimiter, records } = await readCsvText(text);
  const [headerRow = [], ...rows] = records;
  // Named as the import names them: the upload's mapping names columns by their header.
  const headers = headerRow.map(headerName);
  const rowCount = truncated && rows.length ? Math.round((rows.length * file.size) / PREVIEW_BYTES) : rows.length;
  return { headers, rows: rows.slice(0, maxRows), delimiter, rowCount, rowCountIsEstimate: truncated };
}

/** The rows an import refused, as the file the dashboard offers to download. */
export function rejectedRowsCsv(rejected: readonly { line: number; reason: string }[]): string {
  return toCsv([['line', 'reason'], ...rejected.map((r) => [r.line, r.reason])]);
}

export function downloadText(filename: string, text: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
