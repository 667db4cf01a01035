import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { withUpload, type Upload, type UploadOptions } from './multipart-upload';

const BOUNDARY = 'unit-boundary-5Hx';
const enc = new TextEncoder();
const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePart = (content: string, name = 'file', filename = 'leads.csv') =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`;
const end = `--${BOUNDARY}--\r\n`;

type Source = { body: ReadableStream<Uint8Array>; stats: { pulled: number; cancelled: boolean } };

/** A body that hands out `chunks` one pull at a time, then closes, or errors as a client that went away (`abort`). */
function source(chunks: Uint8Array[], { abort = false } = {}): Source {
  const stats = { pulled: 0, cancelled: false };
  let i = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (i < chunks.length) {
          stats.pulled += chunks[i].length;
          controller.enqueue(chunks[i++]);
        } else if (abort) controller.error(new TypeError('terminated'));
        else controller.close();
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, stats };
}

const cut = (text: string, size: number) => {
  const bytes = enc.encode(text);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.slice(at, at + size));
  return chunks;
};

const request = (body: ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/upload', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers }, body, duplex: 'half' } as RequestInit);

const options: UploadOptions = { fileField: 'file', maxFileBytes: 1024 * 1024, controlFields: ['mapping'] };

async function text(file: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of file) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

/** What the import would see: the fields, the filename and the whole file as text. */
const readAll = (req: Request, opts: UploadOptions = options) => withUpload(req, opts, async (upload: Upload) => ({ fields: upload.fields, filename: upload.filename, csv: await text(upload.file) }));

/** The error an upload ends with: an AppError, not a stray stream error, and not a hang. */
async function failure(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const csv = 'name,phone\r\nAda Lovelace,+14155550101\r\n"Søren, Jr.",+14155550102\r\n';

describe('withUpload: the bytes', () => {
  it.each([
    ['mapping before the file (streamed into the import)', [field('mapping', '{"a":"name"}'), filePart(csv)]],
    ['mapping after the file (spooled first)', [filePart(csv), field('mapping', '{"a":"name"}')]],
  ])('a body split into 1-byte chunks reads the same: %s', async (_how, parts) => {
    const { body } = source(cut(parts.join('') + end, 1));
    expect(await readAll(request(body))).toEqual({ fields: { mapping: '{"a":"name"}' }, filename: 'leads.csv', csv });
  });

  it('a CRLF (and a boundary look-alike) in the file survive every cut of the body into two chunks', async () => {
    const tricky = `a,b\r\n\r\n--${BOUNDARY.slice(0, 6)}\r\n-\r\n--x\r\n`;
    const whole = field('mapping', '{}') + filePart(tricky) + end;
    const bytes = enc.encode(whole);
    for (let at = 1; at < bytes.length; at++) {
      const { body } = source([bytes.slice(0, at), bytes.slice(at)]);
      const read = await readAll(request(body));
      expect(read.csv, `cut at byte ${at}`).toBe(tricky);
    }
  });

  it('the first value of a repeated field wins, before and after the file alike', async () => {
    const { body } = source(cut(field('region', 'GB') + field('region', 'US') + filePart(csv) + field('region', 'FR') + field('mapping', '{}') + end, 64));
    expect((await readAll(request(body))).fields).toEqual({ region: 'GB', mapping: '{}' });
  });

  it('fields after a file that streamed into the import are ignored', async () => {
    const { body } = source(cut(field('mapping', '{}') + filePart(csv) + field('late', 'x\u0000') + end, 64));
    expect((await readAll(request(body))).fields).toEqual({ mapping: '{}' });
  });

  it('a file part without a filename is still the file', async () => {
    const part = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n\r\n${csv}\r\n`;
    const { body } = source(cut(field('mapping', '{}') + part + end, 5));
    expect(await readAll(request(body))).toMatchObject({ filename: null, csv });
  });

  it('a file under another name is a small field, and the upload has no file', async () => {
    const { body } = source(cut(filePart(csv, 'csv') + end, 64));
    const error = await failure(readAll(request(body)));
    expect(error).toMatchObject({ code: 'bad_request', fields: { file: 'file is required' } });
  });
});

describe('withUpload: backpressure', () => {
  it('the body is read no further ahead of a slow import than a bounded window', async () => {
    const chunk = 'x'.repeat(16 * 1024 - 1) + '\n';
    const chunks = [enc.encode(field('mapping', '{}') + filePart('').slice(0, -2)), ...Array.from({ length: 256 }, () => enc.encode(chunk)), enc.encode('\r\n' + end)];
    const { body, stats } = source(chunks);
    let read = 0;
    let furthestAhead = 0;
    await withUpload(request(body), { ...options, maxFileBytes: 8 * 1024 * 1024 }, async (upload) => {
      for await (const part of upload.file) {
        read += part.length;
        // Give the pump every chance to run ahead before measuring how far it got.
        for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
        furthestAhead = Math.max(furthestAhead, stats.pulled - read);
      }
    });
    expect(read).toBe(256 * chunk.length);
    // 4 MB went through; at no point was more than a few chunks of it waiting in memory.
    expect(furthestAhead).toBeLessThan(256 * 1024);
  });
});

describe('withUpload: one file', () => {
  it.each([
    ['streamed', [field('mapping', '{}'), filePart(csv), filePart(csv)]],
    ['spooled', [filePart(csv), filePart(csv), field('mapping', '{}')]],
  ])('a second file is a 400 naming the field (%s), and the import sees it before it ends', async (_how, parts) => {
    const { body } = source(cut(parts.join('') + end, 7));
    let importEnded = false;
    const error = await failure(
      withUpload(request(body), options, async (upload) => {
        await text(upload.file);
        importEnded = true;
      }),
    );
    expect(error).toMatchObject({ code: 'bad_request', fields: { file: 'only one file per upload' } });
    expect(error.message).toMatch(/more than one "file"/);
    expect(importEnded).toBe(false);
  });

  it('no file is a 400 naming the field', async () => {
    const { body } = source(cut(field('mapping', '{}') + end, 7));
    expect(await failure(readAll(request(body)))).toMatchObject({ code: 'bad_request', fields: { file: 'file is required' } });
  });
});

describe('withUpload: limits', () => {
  it('too many fields is a 413', async () => {
    const fields = Array.from({ length: 21 }, (_, i) => field(`f${i}`, 'v')).join('');
    const { body, stats } = source(cut(fields + filePart(csv) + end, 64));
    const error = await failure(readAll(request(body)));
    expect(error).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/more than 20 form fields/) });
    expect(stats.cancelled).toBe(true);
  });

  it('too many parts (ones that are not form fields) is a 413', async () => {
    const odd = Array.from({ length: 23 }, () => `--${BOUNDARY}\r\nContent-Disposition: attachment; name="x"\r\n\r\nv\r\n`).join('');
    const { body } = source(cut(odd + filePart(csv) + end, 64));
    expect(await failure(readAll(request(body)))).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/more than 22 parts/) });
  });

  it('an oversized field is a 413 naming it', async () => {
    const { body } = source(cut(field('mapping', 'x'.repeat(64 * 1024 + 1)) + filePart(csv) + end, 4096));
    expect(await failure(readAll(request(body)))).toMatchObject({ code: 'payload_too_large', fields: { mapping: 'larger than 64 KB' } });
  });

  it('a field of exactly 64 KB is read', async () => {
    const { body } = source(cut(field('mapping', 'x'.repeat(64 * 1024)) + filePart(csv) + end, 4096));
    expect((await readAll(request(body))).fields.mapping).toHaveLength(64 * 1024);
  });

  it.each(['streamed', 'spooled'])('a file past the limit is a 413 naming file (%s), and the body stops being read', async (how) => {
    const big = 'y'.repeat(2048);
    const parts = how === 'streamed' ? field('mapping', '{}') + filePart(big) : filePart(big);
    const { body, stats } = source(cut(parts + end, 100));
    const error = await failure(readAll(request(body), { ...options, maxFileBytes: 1000 }));
    expect(error).toMatchObject({ code: 'payload_too_large', fields: { file: 'larger than 1000 bytes' } });
    expect(stats.cancelled).toBe(true);
  });

  it('a file of exactly the limit is read', async () => {
    const { body } = source(cut(filePart('z'.repeat(1000)) + end, 100));
    expect((await readAll(request(body), { ...options, maxFileBytes: 1000 })).csv).toHaveLength(1000);
  });

  it('a body past the limit is a 413 even where no part is: a long preamble', async () => {
    const { body, stats } = source(cut('p'.repeat(70 * 1024) + '\r\n' + filePart(csv) + end, 4096));
    expect(await failure(readAll(request(body), { ...options, maxFileBytes: 1000 }))).toMatchObject({ code: 'payload_too_large' });
    expect(stats.pulled).toBeLessThan(80 * 1024);
  });

  it('a declared Content-Length past the limit is a 413 before the body is read', async () => {
    const { body, stats } = source(cut(filePart(csv) + end, 64));
    expect(await failure(readAll(request(body, { 'content-length': String(10 * 1024 * 1024) })))).toMatchObject({ code: 'payload_too_large' });
    expect(stats.pulled).toBe(0);
  });
});

describe('withUpload: a form that goes wrong ends with a 4xx, never a hang', () => {
  it.each([
    ['in the file, streamed', field('mapping', '{}') + filePart(csv).slice(0, 120)],
    ['in the file, spooled', filePart(csv).slice(0, 120)],
    ['in a field', field('mapping', '{"a":"name"}').slice(0, 60)],
    ['between parts', field('mapping', '{}')],
    ['before the first boundary', 'just text'],
  ])('a client that aborts %s: 400, interrupted', async (_where, sent) => {
    const { body } = source(cut(sent, 9), { abort: true });
    expect(await failure(readAll(request(body)))).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/interrupted/) });
  });

  it.each([
    ['in the file, streamed', field('mapping', '{}') + filePart(csv).slice(0, 120)],
    ['in the file, spooled', filePart(csv).slice(0, 120)],
    ['after the file, before the closing boundary', field('mapping', '{}') + filePart(csv)],
    ['in a field', field('mapping', '{"a":"name"}').slice(0, 60)],
    ['with nothing sent', ''],
  ])('a body that ends %s: 400, ended before the form was complete', async (_where, sent) => {
    const { body } = source(cut(sent, 9));
    expect(await failure(readAll(request(body)))).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/ended before the form was complete/) });
  });

  it('an import that stops reading mid-file ends the upload with its own error, and the body is cancelled', async () => {
    const { body, stats } = source([enc.encode(field('mapping', '{}') + filePart('').slice(0, -2)), ...Array.from({ length: 100 }, () => enc.encode('row\n'.repeat(1000)))]);
    const error = await failure(
      withUpload(request(body), options, async (upload) => {
        for await (const chunk of upload.file) if (chunk.length) throw new AppError('payload_too_large', 'too many rows');
      }),
    );
    expect(error.message).toBe('too many rows');
    expect(stats.cancelled).toBe(true);
    expect(stats.pulled).toBeLessThan(100 * 4000);
  });

  it('a NUL byte in a field is a 400 naming it', async () => {
    const { body } = source(cut(field('mapping', '{"a":"b\u0000"}') + filePart(csv) + end, 64));
    expect(await failure(readAll(request(body)))).toMatchObject({ code: 'bad_request', fields: { mapping: expect.any(String) } });
  });

  it.each([
    ['text/csv', 415],
    ['multipart/form-data', 400],
    ['multipart/form-data; charset=utf-8', 400],
  ])('a content type of %s is refused with %i', async (contentType, status) => {
    const { body } = source(cut(filePart(csv) + end, 64));
    expect((await failure(readAll(request(body, { 'content-type': contentType })))).status).toBe(status);
  });
});
