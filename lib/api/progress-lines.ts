// A long request's answer as NDJSON, for a client that asks for it (`Accept: application/x-ndjson`):
// one `{"progress": …}` line per step as the work goes, then `{"result": …}`, or `{"error": …, "status"}`
// when it fails after the first line. The answer waits for the first progress line, so a request
// refused early (auth, a bad field, a missing campaign) is still its ordinary HTTP error. Any other
// client gets the plain JSON answer, as before.
import 'server-only';
import { errorResponse } from './handler';

export const NDJSON = 'application/x-ndjson';

export function wantsProgressLines(req: Request): boolean {
  return (req.headers.get('accept') ?? '').toLowerCase().includes(NDJSON);
}

export async function withProgressLines<P, T>(req: Request, run: (onProgress?: (progress: P) => void) => Promise<T>): Promise<T | Response> {
  if (!wantsProgressLines(req)) return run();
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      // The client went away: the work goes on (or fails on its own when the request body stops).
      open = false;
    },
  });
  const send = (value: unknown) => {
    if (open) controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
  };
  const close = () => {
    if (open) controller.close();
    open = false;
  };

  let streaming!: () => void;
  const firstLine = new Promise<'streaming'>((resolve) => (streaming = () => resolve('streaming')));
  const work = run((progress) => {
    send({ progress });
    streaming();
  });
  // A failure before the first line is thrown from here: the handler answers it as any error.
  await Promise.race([work, firstLine]);
  work.then(
    (result) => {
      send({ result });
      close();
    },
    async (error: unknown) => {
      const answer = errorResponse(error);
      send({ ...((await answer.json()) as object), status: answer.status });
      close();
    },
  );
  return new Response(body, { headers: { 'content-type': `${NDJSON}; charset=utf-8` } });
}
