// How a lead or DNC file is read, in one place for both readers: the importer's streaming csv-parse
// (lib/services/leads/read-csv.ts) and the dashboard's preview (lib/client/csv-preview.ts, csv-parse's
// browser build). Both guess the delimiter, treat line breaks and the byte order mark, and clean a
// header here, so the preview shows the columns and rows the import will read. Pure: no parser, no
// Node, no DOM.

export const BOM = '\uFEFF';

/** The delimiters a file may use; a tie goes to the one listed first. */
export const csvDelimiters = [',', ';', '\t', '|'] as const;

/**
 * Comma unless the first line clearly splits into more fields on semicolons (European Excel), tabs
 * or pipes. A quote opens a quoted field only at a field's start, as csv-parse reads it: in
 * `5" screen;size` the quote is a character and the semicolon still splits.
 */
export function sniffDelimiter(head: string): string {
  const end = head.search(/[\r\n]/);
  const line = stripBom(end === -1 ? head : head.slice(0, end));
  let best: string = csvDelimiters[0];
  let bestFields = 0;
  for (const delimiter of csvDelimiters) {
    const fields = fieldsOnLine(line, delimiter);
    if (fields > bestFields) {
      best = delimiter;
      bestFields = fields;
    }
  }
  return best;
}

function fieldsOnLine(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === delimiter) {
      fields++;
      atFieldStart = true;
      continue;
    } else if (ch === '"' && atFieldStart) quoted = true;
    atFieldStart = false;
  }
  return fields;
}

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * CRLF and lone CR become LF, before parsing. csv-parse settles on one record delimiter from the
 * first line, so a file mixing endings would glue rows together; and a quoted field's inner line
 * break reads as \n on both sides. (The importer does the same on bytes, chunk by chunk: lineFeedsOnly.)
 */
export function lineFeedsOnly(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A column's name as written, without the BOM a spreadsheet puts before the first and without edge spaces. */
export function headerName(raw: string): string {
  return stripBom(raw).trim();
}

/** A line of bare delimiters (or spaces) is how spreadsheets export an empty row: it is no record. */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

// A row longer than this is a broken file (usually a quote never closed), not a lead.
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * The csv-parse options both readers pass (the importer adds its callbacks). Loose on purpose: ragged
 * rows and stray quotes are reported per row by the import, not a refusal of the whole file.
 */
export function csvParseOptions(delimiter: string) {
  return {
    bom: true,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
  } as const;
}
