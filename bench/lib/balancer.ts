// A round-robin HTTP load balancer in front of a benchmark's app processes, as a deployment would put one in front of
// its instances: each request (a LiveKit webhook, an agent's report) goes to the next process in turn, with no
// stickiness, so one call's events land on whichever process is next.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Balancer = { url: string; setTargets: (urls: string[]) => void; close: () => Promise<void> };

export async function startBalancer(): Promise<Balancer> {
  let targets: URL[] = [];
  let next = 0;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    if (!targets.length) return void res.writeHead(503).end();
    const target = targets[next++ % targets.length];
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setTargets: (urls) => (targets = urls.map((u) => new URL(u))),
    close: () => {
      agent.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
