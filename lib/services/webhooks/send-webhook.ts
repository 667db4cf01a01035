// One HTTP attempt: POST the signed body, with a hard deadline, through a lookup that refuses internal
// addresses at connection time. The answer's body is drained and dropped (only the status counts).
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { guardedLookup, isInternalAddress, type UrlPolicy } from './url-policy';

export type AttemptResult = { statusCode: number | null; error: string | null; durationMs: number };

export function postWebhook(
  { url, body, headers }: { url: string; body: string; headers: Record<string, string> },
  { timeoutMs, policy }: { timeoutMs: number; policy: UrlPolicy },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const timer: { deadline?: NodeJS.Timeout } = {};
    const finish = (statusCode: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer.deadline);
      resolve({ statusCode, error, durationMs: elapsed() });
    };
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return finish(null, 'invalid URL');
    }
    const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
    // An IP literal never goes through the lookup: check it here.
    if (net.isIP(host) && !policy.allowPrivate && isInternalAddress(host)) return finish(null, `refused: ${host} is a private or loopback address`);
    const client = target.protocol === 'https:' ? https : http;
    const req = client.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'outbound-calling-engine-webhooks/1', ...headers },
      lookup: guardedLookup(policy) as never,
    });
    timer.deadline = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('response', (res) => {
      res.on('error', () => finish(res.statusCode ?? null, 'response cut off'));
      res.on('end', () => finish(res.statusCode ?? null, null));
      res.resume();
    });
    req.on('error', (error) => finish(null, error.message.slice(0, 500)));
    req.end(body);
  });
}
