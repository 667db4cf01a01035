// The simulator's HTTP front: a health check, the recordings it serves, and Twirp POSTs checked as a
// real server checks them (signed token, grants) before they reach their method.
import type http from 'node:http';
import type { TokenVerifier } from 'livekit-server-sdk';
import { z } from 'zod';
import { logger } from '@/lib/logger';
import { authorize } from '../auth';
import { silentWav } from '../recording';
import { TwirpFailure, readBody, sendJson, sendTwirpError } from '../twirp';
import type { SimCounts, TwirpMethods } from './context';

export function requestHandler({ methods, verifier, counts }: { methods: TwirpMethods; verifier: TokenVerifier; counts: SimCounts }) {
  return async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    if (req.method === 'GET' && path === '/') return void (res.writeHead(200, { 'Content-Type': 'text/plain' }), res.end('OK'));
    if (req.method === 'GET' && path.startsWith('/recordings/')) {
      return void (res.writeHead(200, { 'Content-Type': 'audio/wav', 'Cache-Control': 'public, max-age=86400' }), res.end(silentWav()));
    }
    const match = /^\/twirp\/([\w.]+\/\w+)$/.exec(path);
    const method = match && req.method === 'POST' ? methods[match[1]] : undefined;
    if (!match || !method) return sendTwirpError(res, new TwirpFailure('bad_route', `no handler for ${req.method} ${path}`));

    let body: Record<string, unknown>;
    try {
      const text = await readBody(req);
      body = text.trim() ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      return sendTwirpError(res, new TwirpFailure('malformed', 'the request body is not JSON'));
    }
    try {
      await authorize(verifier, match[1], req.headers.authorization, body);
    } catch (error) {
      counts.rejectedRequests++;
      return sendTwirpError(res, error as TwirpFailure);
    }
    try {
      sendJson(res, 200, await method(body));
    } catch (error) {
      if (error instanceof TwirpFailure) return sendTwirpError(res, error);
      if (error instanceof z.ZodError) return sendTwirpError(res, new TwirpFailure('invalid_argument', error.issues[0]?.message ?? 'invalid request'));
      logger.error('livekit-sim: handler failed', { method: match[1], error: error instanceof Error ? error.stack : String(error) });
      sendTwirpError(res, new TwirpFailure('internal', 'simulator error'));
    }
  };
}
