// A multipart/form-data upload read as a stream: the small fields before the file are read, and
// the file is handed over as bytes still arriving, so a 200 MB CSV never sits in memory
// (`req.formData()` would buffer all of it). Fields that steer the import must therefore come
// before the file in the form, as streaming parsers usually require; the browser keeps the order
// in which FormData fields were appended.
// HTTP-level, so it belongs in lib/api; it sits here until then (the DNC route uses it too).
import 'server-only';
import { AppError } from '@/lib/errors';

export type UploadOptions = {
  fileField: string;
  maxFileBytes: number;
  /** Fields that must precede the file: one arriving after it is refused rather than ignored. */
  fieldsBeforeFile?: readonly string[];
};

export type OpenedUpload = { fields: Record<string, string>; filename: string | null; file: AsyncIterable<Uint8Array> };

// Boundaries, part headers and the small fields around the file.
const ENVELOPE_BYTES = 64 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_PART_HEADER_BYTES = 16 * 1024;

const tooLarge = (maxFileBytes: number) =>
  new AppError('payload_too_large', `The file is larger than the ${formatBytes(maxFileBytes)} limit`, { file: `larger than ${formatBytes(maxFileBytes)}` });

export async function openUpload(req: Request, { fileField, maxFileBytes, fieldsBeforeFile = [] }: UploadOptions): Promise<OpenedUpload> {
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
  const fields: Record<string, string> = {};
  for (let part = await reader.nextPart(); part; part = await reader.nextPart()) {
    if (part.name === fileField) {
      return { fields, filename: part.filename, file: fileThenRest(reader, fieldsBeforeFile, maxFileBytes) };
    }
    fields[part.name] = await reader.partText(MAX_FIELD_BYTES);
  }
  throw missingFile(fileField);
}

function missingFile(fileField: string) {
  return new AppError('bad_request', `The upload has no "${fileField}" field`, { [fileField]: `${fileField} is required` });
}

async function* fileThenRest(reader: MultipartReader, fieldsBeforeFile: readonly string[], maxFileBytes: number): AsyncGenerator<Uint8Array> {
  try {
    let bytes = 0;
    for await (const chunk of reader.partBody()) {
      bytes += chunk.length;
      if (bytes > maxFileBytes) throw tooLarge(maxFileBytes);
      yield chunk;
    }
    for (let part = await reader.nextPart(); part; part = await reader.nextPart()) {
      if (fieldsBeforeFile.includes(part.name)) {
        throw new AppError('bad_request', `Send the "${part.name}" field before the file in the form`, { [part.name]: 'must come before the file' });
      }
      for await (const _ of reader.partBody()) void _;
    }
  } finally {
    await reader.close();
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
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
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
