// A multipart/form-data upload read as a stream, so a 200 MB CSV never sits in memory
// (`req.formData()` would buffer all of it). @fastify/busboy parses the form; this module feeds it
// the request body chunk by chunk, waiting whenever the import reads slower than the client sends,
// and turns every way a form can go wrong into one AppError (docs/decisions/020-multipart-parser.md).
// Fields that steer the import (a column mapping) may come before or after the file: sent before
// it, the file streams straight into the import; sent after it (or not at all, since nothing says
// none will follow), the file is first spooled to a temporary file while the rest of the form is
// read, then streamed from there. The first value of a repeated field wins.
// HTTP-level, so it lives in lib/api: the leads upload and the DNC upload routes both read their file with it.
import 'server-only';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Busboy, type BusboyFileStream, type BusboyInstance } from '@fastify/busboy';
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
const MAX_FIELDS = 20;
// The fields, the file, and room for a second file to be refused as one (400) rather than as a part too many.
const MAX_PARTS = MAX_FIELDS + 2;
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
  if (!/;\s*boundary=(?:"[^"]+"|[^;\s]+)/i.test(contentType)) throw new AppError('bad_request', 'The multipart content type has no boundary');
  const maxBodyBytes = maxFileBytes + ENVELOPE_BYTES;
  const declared = Number(req.headers.get('content-length'));
  if (declared > maxBodyBytes) throw tooLarge(maxFileBytes);
  if (!req.body) throw missingFile(fileField);

  const form = new FormReader(req.body, { contentType, fileField, maxFileBytes, maxBodyBytes });
  let spool: Spool | null = null;
  try {
    const file = await form.file;
    if (!file) throw missingFile(fileField);
    if (controlFields.every((name) => form.fields.has(name))) {
      // The import reads the rest of the form as the file ends, so a second file fails it before it commits.
      const fields = Object.fromEntries(form.fields);
      form.ignoreLaterFields();
      return await handle({ fields, filename: file.filename, file: thenRestOfForm(form.chunks(file.stream), form) });
    }
    spool = await Spool.write(form.chunks(file.stream));
    await form.finished;
    return await handle({ fields: Object.fromEntries(form.fields), filename: file.filename, file: spool.read() });
  } finally {
    await form.close();
    await spool?.remove();
  }
}

function missingFile(fileField: string) {
  return new AppError('bad_request', `The upload has no "${fileField}" field`, { [fileField]: `${fileField} is required` });
}

// One file per upload: a second one was once silently dropped, and its leads with it.
function secondFile(fileField: string) {
  return new AppError('bad_request', `The upload has more than one "${fileField}" field: send one file per upload`, { [fileField]: `only one ${fileField} per upload` });
}

const truncated = () => new AppError('bad_request', 'The upload ended before the form was complete');
const interrupted = () => new AppError('bad_request', 'The upload was interrupted before it was complete');

/** The file, then the end of the form: fields sent after a streamed file come too late to steer it and are ignored; another file is refused. */
async function* thenRestOfForm(file: AsyncIterable<Buffer>, form: FormReader): AsyncGenerator<Buffer> {
  yield* file;
  await form.finished;
}

type FileStart = { filename: string | null; stream: BusboyFileStream };
type FormLimits = { contentType: string; fileField: string; maxFileBytes: number; maxBodyBytes: number };

/**
 * The request body pumped into busboy. The first failure wins and settles everything: the file
 * stream errors with it, `file` and `finished` reject with it, and the body stops being read
 * (cancelled, so the client's upload stops too). Every emitter has its 'error' listener from the start.
 */
class FormReader {
  /** A Map, then own properties: a field named "__proto__" stays a field. */
  readonly fields = new Map<string, string>();
  /** The file part as it starts, or null when the form ends without one. */
  readonly file: Promise<FileStart | null>;
  /** The whole form has been read, up to its closing boundary. */
  readonly finished: Promise<void>;

  private failure: AppError | null = null;
  private keepFields = true;
  private fileStream: BusboyFileStream | null = null;
  private readonly busboy: BusboyInstance;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly stopped = new AbortController();
  private readonly pumped: Promise<void>;
  private settleFile!: { resolve: (file: FileStart | null) => void; reject: (error: AppError) => void };
  private settleForm!: { resolve: () => void; reject: (error: AppError) => void };

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly limits: FormLimits,
  ) {
    this.file = new Promise((resolve, reject) => (this.settleFile = { resolve, reject }));
    this.finished = new Promise((resolve, reject) => (this.settleForm = { resolve, reject }));
    // Settled by a failure nobody may be waiting for yet (or any more): the waiters still see it.
    this.file.catch(() => {});
    this.finished.catch(() => {});

    const { fileField, maxFileBytes } = limits;
    try {
      this.busboy = Busboy({
        headers: { 'content-type': limits.contentType },
        // Only the file field is streamed; any other part is a small field, a file sent under another name included.
        isPartAFile: (name) => name === fileField,
        limits: { files: 1, fileSize: maxFileBytes, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_PARTS, headerSize: MAX_PART_HEADER_BYTES },
      });
    } catch {
      // Its only complaint about a multipart/form-data type: a boundary it cannot read.
      throw new AppError('bad_request', 'The multipart content type has no boundary');
    }
    this.busboy.on('field', (name, value, _nameTruncated, valueTruncated) => this.onField(name, value, valueTruncated));
    this.busboy.on('file', (_name, stream, filename) => this.onFile(stream, filename));
    this.busboy.on('filesLimit', () => this.fail(secondFile(fileField)));
    this.busboy.on('fieldsLimit', () => this.fail(new AppError('payload_too_large', `The upload has more than ${MAX_FIELDS} form fields`)));
    this.busboy.on('partsLimit', () => this.fail(new AppError('payload_too_large', `The upload has more than ${MAX_PARTS} parts`)));
    // Busboy's only error is a body that ends before the closing boundary (or never had one).
    this.busboy.on('error', () => this.fail(truncated()));
    this.busboy.on('finish', () => {
      if (this.failure) return;
      this.settleFile.resolve(null);
      this.settleForm.resolve();
    });

    this.reader = body.getReader();
    this.pumped = this.pump();
  }

  /** Fields after a file that streams straight into the import can no longer steer it: they are not read, or checked. */
  ignoreLaterFields() {
    this.keepFields = false;
  }

  /** The file's bytes; a failure anywhere in the form (a second file, a cut body) ends them with its error. */
  async *chunks(stream: BusboyFileStream): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of stream) yield chunk as Buffer;
    } catch (error) {
      throw this.failure ?? error;
    }
    if (this.failure) throw this.failure;
  }

  /** Stops reading the body (a no-op once it is all read) and waits for the pump to let go of it. */
  async close(): Promise<void> {
    this.stop();
    await this.pumped;
  }

  private onField(name: string, value: string, valueTruncated: boolean) {
    if (this.failure || !this.keepFields) return;
    if (valueTruncated) {
      this.fail(new AppError('payload_too_large', `A form field is larger than ${formatBytes(MAX_FIELD_BYTES)}`, { [name]: `larger than ${formatBytes(MAX_FIELD_BYTES)}` }));
    } else if (hasNul(value)) {
      this.fail(new AppError('bad_request', nulMessage(name), { [name]: nulMessage(name) }));
    } else if (!this.fields.has(name)) {
      this.fields.set(name, value);
    }
  }

  private onFile(stream: BusboyFileStream, filename: string | undefined) {
    // Busboy re-emits a cut-off part's error on its stream; our own destroy(error) comes back here too.
    stream.on('error', () => this.fail(truncated()));
    if (this.failure) {
      stream.resume();
      return;
    }
    this.fileStream = stream;
    stream.on('limit', () => this.fail(tooLarge(this.limits.maxFileBytes)));
    this.settleFile.resolve({ filename: filename ?? null, stream });
  }

  private fail(error: AppError) {
    if (this.failure) return;
    this.failure = error;
    this.settleFile.reject(error);
    this.settleForm.reject(error);
    this.fileStream?.destroy(error);
    this.stop();
  }

  private stop() {
    if (this.stopped.signal.aborted) return;
    this.stopped.abort();
    // A pending read resolves as done; the source (the client's upload) is told to stop sending.
    this.reader.cancel().catch(() => {});
  }

  /** Body chunks into busboy, at the pace busboy (and so the file's reader) takes them. */
  private async pump(): Promise<void> {
    let bytes = 0;
    try {
      for (;;) {
        const next = await this.reader.read();
        if (next.done || this.stopped.signal.aborted) break;
        bytes += next.value.byteLength;
        if (bytes > this.limits.maxBodyBytes) return this.fail(tooLarge(this.limits.maxFileBytes));
        if (!this.busboy.write(next.value)) {
          // Rejects when stopped (or on busboy's error, which its own listener has already turned into the failure).
          await once(this.busboy, 'drain', { signal: this.stopped.signal }).catch(() => {});
        }
        if (this.stopped.signal.aborted) break;
      }
      if (!this.stopped.signal.aborted) this.busboy.end();
    } catch {
      // The body's read failed: the client went away mid-upload.
      this.fail(interrupted());
    }
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

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
