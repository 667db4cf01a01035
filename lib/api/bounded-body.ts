// A request body read up to a byte limit and no further: a declared Content-Length over it is
// refused before reading, and a body without one is cancelled as soon as it passes the limit.
import { AppError } from '@/lib/errors';

function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than ${limit} bytes`);
}

/** The body as UTF-8 text, or 413 once it passes `limit` bytes. */
export async function readBoundedText(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    void req.body?.cancel().catch(() => undefined);
    throw tooLarge(limit);
  }
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a cloned body's cancel settles only once every branch of the tee is cancelled.
      void reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
