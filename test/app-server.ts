// The app's webhook and agent-report routes behind a plain HTTP server, so the LiveKit simulator
// can reach the real route handlers over the wire in integration tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST as agentReportRoute } from '@/app/api/livekit/agent-report/route';
import { POST as webhookRoute } from '@/app/api/livekit/webhook/route';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** `receivedAt`: when the recorder took it (replays use it as the moment it arrived). */
export type Delivery = { path: string; headers: Record<string, string>; body: Buffer; receivedAt?: Date };

export async function startAppServer(options: { record?: boolean; forward?: boolean } = { forward: true }) {
  const routes: Record<string, Handler> = { '/api/livekit/webhook': webhookRoute, '/api/livekit/agent-report': agentReportRoute };
  const deliveries: Delivery[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const delivery: Delivery = { path: req.url ?? '', headers, body: Buffer.concat(chunks), receivedAt: new Date() };
    if (options.record) deliveries.push(delivery);
    if (options.forward === false) return void res.writeHead(200).end('{}');
    const response = await send(delivery);
    res.writeHead(response.status, { 'Content-Type': 'application/json' }).end(await response.text());
  });
  async function send(delivery: Delivery, body: Buffer | string = delivery.body): Promise<Response> {
    const handler = routes[delivery.path];
    if (!handler) return new Response(null, { status: 404 });
    const payload = typeof body === 'string' ? body : new Uint8Array(body);
    return handler(new Request(`http://app${delivery.path}`, { method: 'POST', headers: delivery.headers, body: payload }), { params: Promise.resolve({}) });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, deliveries, send, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
