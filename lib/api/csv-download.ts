// A streamed CSV download: pulls one chunk of lines at a time, and stops the query when the client goes away.
import 'server-only';

export function csvDownload(lines: AsyncGenerator<string, unknown, unknown>, name: string, prefix: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const filename = `${prefix}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.csv`;
  return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
}
