// The guard in front of the CSV parser against a record too long to be a lead (a 5 MB cell). The
// parser's own size limit fires in the middle of such a record and then reads its remainder as
// new rows: one huge cell became 18 rejections, none saying why, and swallowed the next good row.
// Here each record is held until its end of line: one that grows past the limit is dropped whole,
// reported once with its line, and replaced by as many empty lines as it spanned, so the parser's
// line numbers stay true and the next row is read as it was written.
// Quotes are followed as the parser reads them (one opens a field only at its start; "" inside is
// a quote), so a line break inside a quoted cell does not end a record. A quoted field that runs
// past the limit is left to the parser, which reports it as a quote never closed.

const LF = 0x0a;
const QUOTE = 0x22;
const BOM = [0xef, 0xbb, 0xbf];

export type OverlongOptions = {
  /** A one-byte delimiter: , ; tab or |. */
  delimiter: string;
  maxRecordBytes: number;
  /** Called with the line the dropped record started on. */
  onSkip: (line: number) => void;
};

export async function* skipOverlongRecords(source: AsyncIterable<Buffer>, { delimiter, maxRecordBytes, onSkip }: OverlongOptions): AsyncGenerator<Buffer> {
  const delim = delimiter.charCodeAt(0);
  let held: Buffer[] = [];
  let heldBytes = 0;
  let line = 1; // where the current record starts
  let innerLines = 0; // line breaks inside the current record's quoted cells
  let quoted = false;
  let quoteInQuoted = false;
  let fieldStart = true;
  let skipping = false;
  let passThrough = false;
  let first = true;

  for await (let chunk of source) {
    if (passThrough) {
      yield chunk;
      continue;
    }
    if (first) {
      first = false;
      // The byte order mark is not part of the first field: a quote right after it still opens one.
      if (BOM.every((b, i) => chunk[i] === b)) {
        yield chunk.subarray(0, 3);
        chunk = chunk.subarray(3);
      }
    }
    // Complete records go on as one span per chunk; `from` is where the current record starts in it.
    let from = 0;
    let emitFrom = 0;
    // indexOf finds the next quote or line break natively; the bytes between need no look.
    let nextQuote = -2;
    for (let i = 0; i < chunk.length; ) {
      if (nextQuote < i && nextQuote !== -1) nextQuote = chunk.indexOf(QUOTE, i);
      if (quoted) {
        if (quoteInQuoted) {
          quoteInQuoted = false;
          if (chunk[i] === QUOTE) {
            i++; // "" is a quote inside the cell
            continue;
          }
          quoted = false; // that was the closing quote; this byte is read as outside quotes
          fieldStart = false;
          continue;
        }
        const stop = nextQuote === -1 ? chunk.length : nextQuote;
        for (let lf = chunk.indexOf(LF, i); lf !== -1 && lf < stop; lf = chunk.indexOf(LF, lf + 1)) innerLines++;
        if (nextQuote === -1) break;
        quoteInQuoted = true;
        i = nextQuote + 1;
        continue;
      }
      const lf = chunk.indexOf(LF, i);
      if (nextQuote !== -1 && (lf === -1 || nextQuote < lf)) {
        // A quote opens a cell only at its start: right after a delimiter or a line break.
        if (nextQuote > i) fieldStart = chunk[nextQuote - 1] === delim;
        if (fieldStart) quoted = true;
        fieldStart = false;
        i = nextQuote + 1;
        continue;
      }
      if (lf === -1) {
        fieldStart = chunk[chunk.length - 1] === delim;
        break;
      }
      // A record ends at lf.
      if (!skipping && heldBytes + (lf + 1 - from) > maxRecordBytes) {
        skipping = true;
        onSkip(line);
      }
      if (skipping) {
        if (from > emitFrom) yield chunk.subarray(emitFrom, from);
        yield Buffer.alloc(innerLines + 1, LF);
        emitFrom = lf + 1;
      } else if (held.length) {
        yield Buffer.concat(held);
      }
      held = [];
      heldBytes = 0;
      from = lf + 1;
      i = lf + 1;
      line += innerLines + 1;
      innerLines = 0;
      fieldStart = true;
      skipping = false;
    }
    if (from > emitFrom) yield chunk.subarray(emitFrom, from);
    if (skipping || from === chunk.length) continue;
    held.push(chunk.subarray(from));
    heldBytes += chunk.length - from;
    if (heldBytes <= maxRecordBytes) continue;
    if (quoted) {
      // A quote that never closes: the parser says so, as it always has.
      yield Buffer.concat(held);
      held = [];
      passThrough = true;
    } else {
      skipping = true;
      onSkip(line);
      held = [];
      heldBytes = 0;
    }
  }
  if (!passThrough && !skipping && held.length) yield Buffer.concat(held);
  else if (skipping && innerLines) yield Buffer.alloc(innerLines, LF);
}
