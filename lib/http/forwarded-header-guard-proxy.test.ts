import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { installForwardedHeaderGuard } from './forwarded-header-guard';

describe('the forwarded-header guard behind one trusted proxy', () => {
  it('keeps what the proxy wrote and appends the socket address, so the proxy’s entry is found by position', async () => {
    installForwardedHeaderGuard(1);
    installForwardedHeaderGuard(1); // idempotent: the address is appended once
    const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.4', 'x-forwarded-host': 'calls.example.com' } });
      const seen = (await res.json()) as http.IncomingHttpHeaders;
      expect(seen['x-forwarded-for']).toBe('6.6.6.6, 198.51.100.4, 127.0.0.1');
      expect(seen['x-forwarded-host']).toBe('calls.example.com');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
