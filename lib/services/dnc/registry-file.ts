// The National Do Not Call Registry's download: one 10-digit US number per line, no header
// (some exports end each line with a comma). Read byte by byte, chunk by chunk: a 10,000,000-line
// file goes through without a string per line, and what comes out is already COPY text
// ("+1XXXXXXXXXX\n" per number) for the staging table.
import type { Rejections } from '@/lib/services/leads/rejections';

const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const SPACE = 0x20;
const TAB = 0x09;
const ZERO = 0x30;
const NINE = 0x39;
const TWO = 0x32;
// A registry line is 10 digits and a little trailing punctuation; anything longer is not one.
const MAX_LINE_BYTES = 256;
const SHOWN_BYTES = 40;
const PLUS_ONE = Buffer.from('+1');

/** A chunk of numbers as COPY text, and how many lines it holds. */
export type RegistryChunk = { copyText: Buffer; numbers: number };

/**
 * Whether the head of a file reads as a registry download: its first line is 10 digits (optional
 * trailing commas or whitespace), and so are nearly all the others. Not every one: a registry
 * file with a stray bad line would otherwise be read as a CSV and refused at the CSV row limit.
 * A CSV with a header, or with numbers written any other way, fails on its first line.
 */
export function looksLikeRegistry(head: Buffer, complete: boolean): boolean {
  let text = head.toString('latin1');
  if (text.startsWith('\u00ef\u00bb\u00bf')) text = text.slice(3);
  const lines = text.split('\n');
  // The last line may be cut off mid-number unless the head is the whole file.
  if (!complete) lines.pop();
  let seen = 0;
  let numbers = 0;
  for (const raw of lines) {
    const line = raw.replace(/[\s,]+$/, '').trimStart();
    if (line === '') continue;
    const isNumber = /^\d{10}$/.test(line);
    if (seen++ === 0 && !isNumber) return false;
    if (isNumber) numbers++;
  }
  return seen > 0 && numbers >= seen * 0.9;
}

/** Why a line is not a registry number, or null when it is one. */
function problemOf(line: Buffer, start: number, end: number): string | null {
  if (end - start !== 10) return 'is not a 10-digit number';
  for (let i = start; i < end; i++) if (line[i] < ZERO || line[i] > NINE) return 'is not a 10-digit number';
  // North American numbering: neither the area code nor the exchange starts with 0 or 1.
  if (line[start] < TWO || line[start + 3] < TWO) return 'is not a valid US number (area code and exchange start with 2–9)';
  return null;
}

function shown(bytes: Buffer): string {
  const text = bytes.subarray(0, SHOWN_BYTES).toString('utf8').replace(/[\u0000-\u001f]/g, '?');
  return bytes.length > SHOWN_BYTES ? `${text}…` : text;
}

/**
 * The file's numbers as COPY text, one chunk per chunk read. Bad lines go to `rejections` with
 * their line numbers; blank lines are skipped. `lines` counts every non-blank line.
 */
export async function* readRegistryNumbers(source: AsyncIterable<Uint8Array>, rejections: Rejections, counter: { lines: number }): AsyncGenerator<RegistryChunk> {
  let carry: Buffer = Buffer.alloc(0);
  // A line past MAX_LINE_BYTES is reported once and the rest of it skipped up to its line feed.
  let skipping = false;
  let lineNo = 0;
  let first = true;
  let valid = 0;

  const onLine = (buf: Buffer, start: number, end: number, out: Buffer, at: number): number => {
    lineNo++;
    let stop = end;
    while (stop > start && (buf[stop - 1] === CR || buf[stop - 1] === COMMA || buf[stop - 1] === SPACE || buf[stop - 1] === TAB)) stop--;
    let from = start;
    while (from < stop && (buf[from] === SPACE || buf[from] === TAB)) from++;
    if (from === stop) return at;
    counter.lines++;
    const problem = problemOf(buf, from, stop);
    if (problem) {
      rejections.add(lineNo, `"${shown(buf.subarray(from, stop))}" ${problem}`);
      return at;
    }
    valid++;
    at += PLUS_ONE.copy(out, at);
    at += buf.copy(out, at, from, stop);
    out[at++] = LF;
    return at;
  };

  for await (const raw of source) {
    let chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    // Each number takes at least 11 bytes in and 13 out; the carried-over line adds one more.
    const out = Buffer.allocUnsafe(Math.ceil((chunk.length * 13) / 11) + 32);
    let at = 0;
    let from = 0;
    const validBefore = valid;
    for (let lf = chunk.indexOf(LF); lf !== -1; lf = chunk.indexOf(LF, from)) {
      if (skipping) {
        skipping = false;
        lineNo++;
      } else if (carry.length) {
        const line = Buffer.concat([carry, chunk.subarray(from, lf)]);
        carry = Buffer.alloc(0);
        at = onLine(line, 0, line.length, out, at);
      } else {
        at = onLine(chunk, from, lf, out, at);
      }
      from = lf + 1;
    }
    if (!skipping && from < chunk.length) {
      carry = carry.length ? Buffer.concat([carry, chunk.subarray(from)]) : Buffer.from(chunk.subarray(from));
      if (carry.length > MAX_LINE_BYTES) {
        counter.lines++;
        rejections.add(lineNo + 1, `"${shown(carry)}" is not a 10-digit number (the line is longer than ${MAX_LINE_BYTES} bytes)`);
        carry = Buffer.alloc(0);
        skipping = true;
      }
    }
    if (valid > validBefore) yield { copyText: out.subarray(0, at), numbers: valid - validBefore };
  }
  if (carry.length) {
    const out = Buffer.allocUnsafe(carry.length + 32);
    const validBefore = valid;
    const at = onLine(carry, 0, carry.length, out, 0);
    if (valid > validBefore) yield { copyText: out.subarray(0, at), numbers: valid - validBefore };
  }
}
