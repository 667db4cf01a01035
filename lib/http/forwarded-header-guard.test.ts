import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { installForwardedHeaderGuard } from './forwarded-header-guard';

// The headers a request handler sees once the guard sits on the server, as it does on Next's.
async function seenBehindGuard(trustedProxies: number, headers: Record<string, string>): Promise<http.IncomingHttpHeaders> {
  installForwardedHeaderGuard(trustedProxies);
  const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers });
    return (await res.json()) as http.IncomingHttpHeaders;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe('the forwarded-header guard', () => {
  // One process, one installation: the first call decides the trusted hops for this file.
  let seen: http.IncomingHttpHeaders;
  beforeAll(async () => {
    seen = await seenBehindGuard(0, { 'x-forwarded-for': '6.6.6.6', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', 'x-real-ip': '6.6.6.6' });
  });

  it('without a trusted proxy, X-Forwarded-For is the socket address and forwarded host/proto are dropped', () => {
    expect(seen['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen['x-forwarded-host']).toBeUndefined();
    expect(seen['x-forwarded-proto']).toBeUndefined();
    expect(seen['x-real-ip']).toBeUndefined();
    expect(seen.host).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
