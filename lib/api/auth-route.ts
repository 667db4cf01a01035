// better-auth's routes behind the app's own rules: the cross-site check, the client address better-auth
// records (believed only as lib/http says), and the attempt limits, counted in Postgres. better-auth's
// own limiter is off (lib/auth.ts): it keys on a client-sent header and lives in one process's memory.
import 'server-only';
import { getDb } from '@/db';
import { getAuth } from '@/lib/auth';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { AppError, rateLimited } from '@/lib/errors';
import { clientIp } from '@/lib/http/forwarded';
import { withApiHeaders } from '@/lib/http/security-headers';
import { recordSignIn } from '@/lib/services/audit';
import { consumeRateLimit, signInSucceeded, throttleSignIn, type SignInLimits } from '@/lib/services/rate-limits';
import { readBoundedText } from './bounded-body';
import { errorResponse } from './handler';
import { assertSameOrigin } from './same-origin';
import { withoutExposedTokens } from './session-token-exposure';

/** The header better-auth reads the client's address from (`advanced.ipAddress`); always ours. */
export const clientIpHeader = 'x-app-client-ip';

const signInLimits = (): SignInLimits => ({
  perIp: { limit: env.SIGN_IN_LIMIT_PER_IP, windowSeconds: 600 },
  perAccountFromIp: [
    { limit: 5, windowSeconds: 60 },
    { limit: 20, windowSeconds: 3600 },
  ],
  perAccount: { limit: env.SIGN_IN_LIMIT_PER_ACCOUNT, windowSeconds: 3600 },
});

/** The writes that are not throttled: ending one's own session. */
const unthrottled = new Set(['/sign-out']);

/** The email a sign-in names, read from a copy of the body, which better-auth then reads itself. */
async function emailOf(req: Request): Promise<string | undefined> {
  let body: { email?: unknown } | null = null;
  try {
    body = JSON.parse(await readBoundedText(req.clone(), env.JSON_MAX_BYTES)) as { email?: unknown } | null;
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  return typeof body?.email === 'string' && body.email.trim() ? body.email : undefined;
}

function withClientIp(req: Request, ip: string | undefined): Request {
  const headers = new Headers(req.headers);
  if (ip) headers.set(clientIpHeader, ip);
  else headers.delete(clientIpHeader);
  return new Request(req, { headers });
}

async function signIn(req: Request, ip: string | undefined): Promise<Response> {
  const email = await emailOf(req);
  if (!email) return (await getAuth()).handler(req);
  const db = await getDb();
  const limits = signInLimits();
  const verdict = await throttleSignIn(db, { email, ip, limits, now: appClock().now() });
  if (!verdict.allowed) {
    await recordSignIn(db, { email, ip, outcome: 'throttled', now: appClock().now() });
    throw rateLimited(`Too many sign-in attempts: try again in ${verdict.retryAfterSeconds} s`, verdict.retryAfterSeconds);
  }
  const res = await (await getAuth()).handler(req);
  if (res.ok) await signInSucceeded(db, { email, ip, limits });
  // A 4xx is the credentials refused; a 5xx is ours, not the user's attempt.
  if (res.ok || (res.status >= 400 && res.status < 500)) await recordSignIn(db, { email, ip, outcome: res.ok ? 'succeeded' : 'wrong_credentials', now: appClock().now() });
  return res;
}

async function limitAuthWrite(path: string, ip: string | undefined): Promise<void> {
  if (!ip || unthrottled.has(path)) return;
  const hit = await consumeRateLimit(await getDb(), { key: `auth:ip:${ip}`, rule: { limit: env.AUTH_LIMIT_PER_IP, windowSeconds: 600 }, now: appClock().now() });
  if (!hit.allowed) throw rateLimited(`Too many requests: try again in ${hit.retryAfterSeconds} s`, hit.retryAfterSeconds);
}

const authPath = (req: Request) => new URL(req.url).pathname.replace(/^\/api\/auth/, '');

/** Handles one request to /api/auth/*. */
export async function handleAuthRequest(incoming: Request): Promise<Response> {
  const res = await answerAuthRequest(incoming);
  return withApiHeaders(await withoutExposedTokens(incoming, authPath(incoming), res));
}

async function answerAuthRequest(incoming: Request): Promise<Response> {
  try {
    assertSameOrigin(incoming);
    const ip = clientIp(incoming.headers);
    const req = withClientIp(incoming, ip);
    const path = authPath(req);
    if (req.method !== 'POST') return await (await getAuth()).handler(req);
    if (path === '/sign-in/email') return await signIn(req, ip);
    await limitAuthWrite(path, ip);
    // better-auth reads bodies whole: refuse an oversized one first, as the API does.
    await readBoundedText(req.clone(), env.JSON_MAX_BYTES);
    return await (await getAuth()).handler(req);
  } catch (error) {
    return errorResponse(error);
  }
}
