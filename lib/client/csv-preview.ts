// A first look at a CSV in the browser, before it is uploaded: the header, a few rows and a
// rough row count from the first 64 KB. The server parses the whole file for real.

export const PREVIEW_BYTES = 64 * 1024;

export type CsvPreview = {
  headers: string[];
  rows: string[][];
  delimiter: string;
  /** Exact when the whole file fit in the preview, else an estimate from the bytes per row. */
  rowCount: number;
  rowCountIsEstimate: boolean;
};

function detectDelimiter(firstLine: string): string {
  const candidates = [',', ';', '\t', '|'];
  let best = ',';
  let bestCount = 0;
  for (const d of candidates) {
    const count = splitRecords(firstLine, d)[0]?.length ?? 0;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Splits CSV text into records of fields, honouring quotes, doubled quotes and CRLF. */
export function splitRecords(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => r.some((f) => f.trim() !== ''));
}

export { toCsv } from '@/shared/csv-writer';

export async function previewCsv(file: File, maxRows = 5): Promise<CsvPreview> {
  const truncated = file.size > PREVIEW_BYTES;
  let text = await file.slice(0, PREVIEW_BYTES).text();
  text = text.replace(/^\uFEFF/, '');
  // The slice most likely ends mid-row: drop that last partial line.
  if (truncated) text = text.slice(0, Math.max(text.lastIndexOf('\n'), 0));
  const delimiter = detectDelimiter(text.split(/\r?\n/, 1)[0] ?? '');
  const [headerRow = [], ...rows] = splitRecords(text, delimiter);
  // Kept as written (trimmed): the upload's mapping names columns by their header.
  const headers = headerRow.map((h) => h.trim());
  const rowCount = truncated && rows.length ? Math.round((rows.length * file.size) / PREVIEW_BYTES) : rows.length;
  return { headers, rows: rows.slice(0, maxRows), delimiter, rowCount, rowCountIsEstimate: truncated };
}

export function downloadText(filename: string, text: string, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
