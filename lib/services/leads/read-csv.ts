// A CSV byte stream as records with their physical line numbers, parsed as it arrives: the file
// is never held whole, whatever its size. Shared by the lead import and the DNC import.
import 'server-only';
import { Readable, pipeline } from 'node:stream';
import { setImmediate as eventLoopTurn } from 'node:timers/promises';
import { parse, type CsvError, type Options } from 'csv-parse';
import { AppError } from '@/lib/errors';
import { hasBidiControls, withoutBidiControls } from '@/lib/bidi-controls';
import { hasNul, stripNul } from '@/lib/nul-bytes';
import { csvParseOptions, isBlankRecord, MAX_RECORD_BYTES, sniffDelimiter } from '@/shared/csv-dialect';
import { skipOverlongRecords } from './overlong-records';

/** A record (header included) or a stretch of the file that could not be read as one. */
export type CsvRecord =
  | { line: number; fields: string[]; problem?: undefined; nulStripped?: boolean; bidiStripped?: boolean }
  | { line: number; problem: string; fields?: undefined; nulStripped?: undefined; bidiStripped?: undefined };

/** What an import says about a row whose cells held NULs (Postgres cannot store them). */
export const NUL_STRIPPED = 'NUL characters (\\u0000) were removed from this row';
/** What an import says about a row whose cells held text-direction overrides (see lib/bidi-controls.ts). */
export const BIDI_STRIPPED = 'bidirectional control characters (U+202A–U+202E, U+2066–U+2069), which can make a name display as another, were removed from this row';
/** The reason for a row skipped by the record-size guard. */
export const fieldTooLong = (maxBytes: number) => `a field in this row is too long (the row is over ${maxBytes / (1024 * 1024)} MB): the row was skipped`;

const HEAD_BYTES = 64 * 1024;
/**
 * Records read between two turns of the event loop. Parsed bytes come as microtasks, which never give the loop a
 * turn: without one, the database's answers to the import's own writes (and every other request of the process)
 * wait until the parser runs dry. 512 records are a few milliseconds of parsing.
 */
export const RECORDS_PER_TURN = 512;
const LF = 0x0a;
const CR = 0x0d;

export async function* readCsvRecords(source: AsyncIterable<Uint8Array>): AsyncGenerator<CsvRecord> {
  const chunks = lineFeedsOnly(source)[Symbol.asyncIterator]();
  // One generator, not one delegating to another: every record of a million passes through it.
  try {
    // The head tells the encoding and the delimiter before any parsing starts.
    const head: Buffer[] = [];
    let headBytes = 0;
    for (let sawLineEnd = false; headBytes < HEAD_BYTES && !sawLineEnd; ) {
      const next = await chunks.next();
      if (next.done) break;
      head.push(next.value);
      headBytes += next.value.length;
      sawLineEnd = next.value.includes(LF);
    }
    const start = Buffer.concat(head);
    refuseNonCsv(start);

    const problems: CsvRecord[] = [];
    let lastLine = 0;
    // The dialect (delimiter guess, BOM, options) is the dashboard preview's too: shared/csv-dialect.ts.
    const delimiter = sniffDelimiter(start.toString('utf8'));
    const options: Options<CsvRecord, string[]> = {
      ...csvParseOptions(delimiter),
      // Runs as each record is parsed, in file order, so lastLine is current when a skip follows.
      on_record: (fields, context) => {
        lastLine = context.lines;
        if (isBlankRecord(fields)) return null;
        // Line breaks are all \n by now: the record started as many lines up as its fields hold.
        let inner = 0;
        for (const field of fields) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) inner++;
        const line = context.lines - inner;
        const nulStripped = fields.some(hasNul);
        const bidiStripped = fields.some(hasBidiControls);
        if (!nulStripped && !bidiStripped) return { line, fields };
        return { line, fields: fields.map((f) => withoutBidiControls(stripNul(f))), ...(nulStripped ? { nulStripped } : {}), ...(bidiStripped ? { bidiStripped } : {}) };
      },
      on_skip: (error: CsvError | undefined) => {
        problems.push({ line: lastLine + 1, problem: unreadableReason(error) });
        return undefined;
      },
    };
    // csv-parse's overloads type on_record as returning a row of strings; ours returns a CsvRecord.
    const parser = parse(options as unknown as Options);
    const guarded = skipOverlongRecords(prepend(head, chunks), { delimiter, maxRecordBytes: MAX_RECORD_BYTES, onSkip: (line) => problems.push({ line, problem: fieldTooLong(MAX_RECORD_BYTES) }) });
    const input = Readable.from(guarded, { objectMode: false });
    // pipeline destroys both sides on failure, so a source error (a 413, a broken upload) surfaces
    // in the loop below, and leaving the loop early stops reading the source.
    pipeline(input, parser, () => {});

    let sinceTurn = 0;
    for await (const record of parser as AsyncIterable<CsvRecord>) {
      // A skipped stretch is reported among the records around it (callers sort by line if they care).
      while (problems.length) yield problems.shift()!;
      yield record;
      if (++sinceTurn === RECORDS_PER_TURN) {
        sinceTurn = 0;
        await eventLoopTurn();
      }
    }
    while (problems.length) yield problems.shift()!;
  } finally {
    // However the reading ends (done, refused, or the caller stopped early), release the source.
    await chunks.return?.(undefined);
  }
}

function unreadableReason(error: CsvError | undefined): string {
  if (error?.code === 'CSV_QUOTE_NOT_CLOSED' || error?.code === 'CSV_MAX_RECORD_SIZE') {
    return 'a quoted field opened here is never closed: the rest of the file could not be read';
  }
  return `unreadable row: ${error?.message ?? 'malformed CSV'}`;
}

/** Excel workbooks and UTF-16 exports are the usual wrong files; say so instead of importing noise. */
function refuseNonCsv(start: Buffer) {
  if (start[0] === 0x50 && start[1] === 0x4b && start[2] === 0x03 && start[3] === 0x04) {
    throw new AppError('unsupported_media_type', 'This is a spreadsheet workbook, not a CSV: save it as CSV (UTF-8) and upload that', { file: 'not a CSV' });
  }
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    throw new AppError('unsupported_media_type', 'This CSV is encoded as UTF-16: save it as CSV (UTF-8) and upload that', { file: 'not UTF-8' });
  }
}

async function* prepend(head: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  for (const chunk of head) yield chunk;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * CRLF and lone CR become LF, on bytes as they arrive: the streaming twin of lineFeedsOnly in
 * shared/csv-dialect.ts (which says why). It also keeps the line count inside quoted fields true.
 */
export async function* lineFeedsOnly(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  let pendingCr = false;
  for await (const raw of source) {
    let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (pendingCr && chunk[0] === LF) chunk = chunk.subarray(1);
    pendingCr = false;
    let cr = chunk.indexOf(CR);
    if (cr === -1) {
      if (chunk.length) yield chunk;
      continue;
    }
    const out = Buffer.allocUnsafe(chunk.length);
    let written = 0;
    let from = 0;
    while (cr !== -1) {
      written += chunk.copy(out, written, from, cr);
      out[written++] = LF;
      if (cr + 1 === chunk.length) pendingCr = true;
      else if (chunk[cr + 1] === LF) cr++;
      from = cr + 1;
      cr = chunk.indexOf(CR, from);
    }
    written += chunk.copy(out, written, from);
    yield out.subarray(0, written);
  }
}
