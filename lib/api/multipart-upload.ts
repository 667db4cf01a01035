// A multipart/form-data upload read as a stream, so a 200 MB CSV never sits in memory
// (`req.formData()` would buffer all of it). Fields that steer the import (a column mapping)
// may come before or after the file: sent before it, the file streams straight into the import;
// sent after it (or not at all, since nothing says none will follow), the file is first spooled
// to a temporary file while the rest of the form is read, then streamed from there.
// HTTP-level, so it lives in lib/api: the leads upload and the DNC upload routes both read their file with it.
import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@/lib/errors';
import { hasNul, nulMessage } from '@/lib/nul-bytes';

export type UploadOptions = {
  fileField: string;
  maxFileBytes: number;
  /** Small fields the import needs before it reads the file. */
  controlFields?: readonly string[];
};

export type Upload = { fields: Record<string, string>; filename: string | null; file: AsyncIterable<Uint8Array> };

// Boundaries, part headers and the small fields around the file.
const ENVELOPE_BYTES = 64 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_PART_HEADER_BYTES = 16 * 1024;

const tooLarge = (maxFileBytes: number) =>
  new AppError('payload_too_large', `The file is larger than the ${formatBytes(maxFileBytes)} limit`, { file: `larger than ${formatBytes(maxFileBytes)}` });

/** Opens the upload, hands it to `handle`, and releases it (request body, temporary file) however `handle` ends. */
export async function withUpload<T>(req: Request, options: UploadOptions, handle: (upload: Upload) => Promise<T>): Promise<T> {
  const { fileField, maxFileBytes, controlFields = [] } = options;
  const contentType = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) {
    throw new AppError('unsupported_media_type', `Send the file as multipart/form-data in the field "${fileField}"`);
  }
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) throw new AppError('bad_request', 'The multipart content type has no boundary');
  const maxBodyBytes = maxFileBytes + ENVELOPE_BYTES;
  const declared = Number(req.headers.get('content-length'));
  if (declared > maxBodyBytes) throw tooLarge(maxFileBytes);
  if (!req.body) throw missingFile(fileField);

  const reader = new MultipartReader(req.body, boundary[1] ?? boundary[2], maxBodyBytes, maxFileBytes);
  let spool: Spool | null = null;
  try {
    // A Map, then own properties: a field named "__proto__" stays a field.
    const fields = new Map<string, string>();
    for (let part = await reader.nextPart(); part; part = await reader.nextPart()) {
      if (part.name !== fileField) {
        fields.set(part.name, fieldText(part.name, await reader.partText(MAX_FIELD_BYTES)));
        continue;
      }
      if (controlFields.every((name) => fields.has(name))) {
        // The import reads the rest of the form as the file ends, so a second file fails it before it commits.
        const file = thenRestOfForm(limited(reader.partBody(), maxFileBytes), reader, fileField);
        return await handle({ fields: Object.fromEntries(fields), filename: part.filename, file });
      }
      spool = await Spool.write(limited(reader.partBody(), maxFileBytes));
      // The rest of the form; the first value of a field wins, as with the fields before the file.
      for (let rest = await reader.nextPart(); rest; rest = await reader.nextPart()) {
        if (rest.name === fileField) throw secondFile(fileField);
        if (fields.has(rest.name)) await reader.skipPart();
        else fields.set(rest.name, fieldText(rest.name, await reader.partText(MAX_FIELD_BYTES)));
      }
      return await handle({ fields: Object.fromEntries(fields), filename: part.filename, file: spool.read() });
    }
    throw missingFile(fileField);
  } finally {
    await reader.close();
    await spool?.remove();
  }
}

function fieldText(name: string, text: string): string {
  if (hasNul(text)) throw new AppError('bad_request', nulMessage(name), { [name]: nulMessage(name) });
  return text;
}

function missingFile(fileField: string) {
  return new AppError('bad_request', `The upload has no "${fileField}" field`, { [fileField]: `${fileField} is required` });
}

// One file per upload: a second one was once silently dropped, and its leads with it.
function secondFile(fileField: string) {
  return new AppError('bad_request', `The upload has more than one "${fileField}" field: send one file per upload`, { [fileField]: `only one ${fileField} per upload` });
}

/** The file, then the parts after it: fields sent after a streamed file come too late to steer it and are skipped; another file is refused. */
async function* thenRestOfForm(file: AsyncIterable<Buffer>, reader: MultipartReader, fileField: string): AsyncGenerator<Buffer> {
  yield* file;
  for (let rest = await reader.nextPart(); rest; rest = await reader.nextPart()) {
    if (rest.name === fileField) throw secondFile(fileField);
    await reader.skipPart();
  }
}

async function* limited(source: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.length;
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    yield chunk;
  }
}

/** The file on disk for the time of the request, in a directory of its own. */
class Spool {
  private stream: fs.ReadStream | null = null;
  private constructor(private readonly dir: string) {}

  static async write(source: AsyncIterable<Buffer>): Promise<Spool> {
    const spool = new Spool(await fs.promises.mkdtemp(path.join(os.tmpdir(), 'csv-upload-')));
    try {
      const out = await fs.promises.open(spool.file, 'w');
      try {
        for await (const chunk of source) await out.write(chunk);
      } finally {
        await out.close();
      }
      return spool;
    } catch (error) {
      await spool.remove();
      throw error;
    }
  }

  private get file() {
    return path.join(this.dir, 'upload');
  }

  read(): AsyncIterable<Uint8Array> {
    this.stream = fs.createReadStream(this.file, { highWaterMark: 256 * 1024 });
    return this.stream;
  }

  async remove() {
    this.stream?.destroy();
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }
}

type PartHead = { name: string; filename: string | null };

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');

class MultipartReader {
  private readonly delimiter: Buffer;
  private readonly source: AsyncIterator<Uint8Array>;
  // The stream starts as if preceded by CRLF, so the first boundary looks like every other one.
  private buffer: Buffer = Buffer.from(CRLF);
  private ended = false;
  private finished = false;
  private bodyBytes = 0;
  private started = false;

  constructor(
    body: ReadableStream<Uint8Array>,
    boundary: string,
    private readonly maxBodyBytes: number,
    private readonly maxFileBytes: number,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
    this.source = chunksOf(body);
  }

  async close(): Promise<void> {
    await this.source.return?.(undefined);
  }

  private async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.bodyBytes += next.value.byteLength;
    if (this.bodyBytes > this.maxBodyBytes) throw tooLarge(this.maxFileBytes);
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    return true;
  }

  private truncated(): AppError {
    return new AppError('bad_request', 'The upload ended before the form was complete');
  }

  /** The next part's headers, with the reader at the start of its body; null after the last part. */
  async nextPart(): Promise<PartHead | null> {
    if (this.finished) return null;
    if (!this.started) {
      // Skip the preamble up to and including the first boundary.
      this.started = true;
      for await (const _ of this.partBody()) void _;
    }
    while (this.buffer.length < 2) if (!(await this.pull())) throw this.truncated();
    if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
      this.finished = true;
      return null;
    }
    let end = this.buffer.indexOf(HEADERS_END);
    while (end === -1) {
      if (this.buffer.length > MAX_PART_HEADER_BYTES) throw new AppError('bad_request', 'A part of the upload has oversized headers');
      if (!(await this.pull())) throw this.truncated();
      end = this.buffer.indexOf(HEADERS_END);
    }
    // Whatever follows the boundary on its line (transport padding) ends at the first CRLF.
    const headerText = this.buffer.subarray(this.buffer.indexOf(CRLF) + 2, end).toString('utf8');
    this.buffer = this.buffer.subarray(end + HEADERS_END.length);
    const disposition = /^content-disposition:(.*)$/im.exec(headerText)?.[1] ?? '';
    return { name: param(disposition, 'name') ?? '', filename: param(disposition, 'filename') };
  }

  /** The current part's bytes up to the next boundary, which is consumed. */
  async *partBody(): AsyncGenerator<Buffer> {
    const keep = this.delimiter.length - 1;
    for (;;) {
      const at = this.buffer.indexOf(this.delimiter);
      if (at !== -1) {
        if (at > 0) yield this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        return;
      }
      // All but a possible partial delimiter at the end is body.
      if (this.buffer.length > keep) {
        const body = this.buffer.subarray(0, this.buffer.length - keep);
        this.buffer = this.buffer.subarray(this.buffer.length - keep);
        yield body;
      }
      if (!(await this.pull())) throw this.truncated();
    }
  }

  async skipPart(): Promise<void> {
    for await (const _ of this.partBody()) void _;
  }

  async partText(maxBytes: number): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.partBody()) {
      size += chunk.length;
      if (size > maxBytes) throw new AppError('payload_too_large', `A form field is larger than ${formatBytes(maxBytes)}`);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const next = await reader.read().catch(() => {
        throw new AppError('bad_request', 'The upload was interrupted before it was complete');
      });
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Stopping early (a 413, a refused row count) cancels the rest of the upload.
    await reader.cancel().catch(() => {});
  }
}

function param(header: string, key: string): string | null {
  const match = new RegExp(`;\\s*${key}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
