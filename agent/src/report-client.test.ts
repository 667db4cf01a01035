import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type CallReport, ReportError, postReport } from './report-client';

type Received = { method?: string; path?: string; authorization?: string; contentType?: string; body: unknown };

/** A stand-in for the app's report endpoint that answers each request with the next status. */
async function reportEndpoint(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, authorization: req.headers.authorization, contentType: req.headers['content-type'], body: JSON.parse(raw) });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(status < 300 ? '{"ok":true}' : '{"error":{"code":"x","message":"no"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/livekit/agent-report`, received };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const report: CallReport = {
  transcript: [
    { speaker: 'agent', text: 'Hi, am I speaking with Jane?', startMs: 0 },
    { speaker: 'lead', text: 'Please do not call me again.', startMs: 2100 },
  ],
  answeringMachine: false,
  optOut: true,
  summary: 'The lead asked not to be called again.',
  endedReason: 'opt_out',
};

const noWait = { retryDelaysMs: [1, 1], sleep: async () => undefined };

describe('posting the call report', () => {
  it("POSTs the report as JSON with the call's bearer token", async () => {
    const endpoint = await reportEndpoint([200]);
    const result = await postReport({ reportUrl: endpoint.url, reportToken: 'token-abc', report, ...noWait });
    expect(result).toEqual({ status: 200, attempts: 1 });
    expect(endpoint.received).toEqual([
      { method: 'POST', path: '/api/livekit/agent-report', authorization: 'Bearer token-abc', contentType: 'application/json', body: report },
    ]);
  });

  it('retries a 503 and succeeds', async () => {
    const endpoint = await reportEndpoint([503, 503, 200]);
    const result = await postReport({ reportUrl: endpoint.url, reportToken: 'token-abc', report, ...noWait });
    expect(result).toEqual({ status: 200, attempts: 3 });
    expect(endpoint.received.every((r) => r.authorization === 'Bearer token-abc')).toBe(true);
  });

  it('gives up after the last retry of a 5xx', async () => {
    const endpoint = await reportEndpoint([503]);
    const failure = await postReport({ reportUrl: endpoint.url, reportToken: 'token-abc', report, ...noWait }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ReportError);
    expect(failure).toMatchObject({ status: 503, attempts: 3 });
    expect(endpoint.received).toHaveLength(3);
  });

  it('does not retry a 401: a refused token will not get better', async () => {
    const endpoint = await reportEndpoint([401, 200]);
    const failure = await postReport({ reportUrl: endpoint.url, reportToken: 'stale', report, ...noWait }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'ReportError', status: 401, attempts: 1 });
    expect(endpoint.received).toHaveLength(1);
  });

  it('retries a network error', async () => {
    const endpoint = await reportEndpoint([200]);
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => {
      calls += 1;
      if (calls === 1) throw new TypeError('fetch failed: ECONNRESET');
      return fetch(input, init);
    };
    const result = await postReport({ reportUrl: endpoint.url, reportToken: 'token-abc', report, fetch: flaky, ...noWait });
    expect(result).toEqual({ status: 200, attempts: 2 });
  });

  it('waits longer before each retry', async () => {
    const endpoint = await reportEndpoint([500, 502, 200]);
    const waits: number[] = [];
    await postReport({ reportUrl: endpoint.url, reportToken: 'token-abc', report, retryDelaysMs: [500, 2000], sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([500, 2000]);
  });
});
