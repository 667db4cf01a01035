// The Idempotency-Key header on creates: a retry with the same key (same user, same request) gets the
// first answer, status and body, without the work being done again. See docs/decisions/015-idempotency-keys.md.
import 'server-only';
import crypto from 'node:crypto';
import type { Db } from '@/db';
import type { SessionUser } from '@/lib/auth';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '@/lib/services/idempotency';
import { WORKSPACE_HEADER } from '@/shared/workspace-roles';
import { readBoundedText } from './bounded-body';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const keyPattern = /^[\x21-\x7e]{1,255}$/;
// How long a retry waits for the first request with its key to finish before answering 409.
const WAIT_MS = 10_000;
const POLL_MS = 50;

async function requestHash(req: Request, principal: string): Promise<string> {
  const contentType = req.headers.get('content-type') ?? '';
  if (/^multipart\//i.test(contentType)) {
    throw new AppError('bad_request', 'Idempotency-Key applies to JSON creates, not to file uploads', { [IDEMPOTENCY_HEADER]: 'not supported on uploads' });
  }
  const url = new URL(req.url);
  const body = await readBoundedText(req.clone(), env.JSON_MAX_BYTES);
  return crypto.createHash('sha256').update(`${req.method}\n${url.pathname}\n${req.headers.get(WORKSPACE_HEADER) ?? ''}\n${principal ? `${principal}\n` : ''}${body}`).digest('hex');
}

function replayed(answer: { status: number; body: string; location: string | null }): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'Idempotent-Replayed': 'true' };
  if (answer.location) headers.Location = answer.location;
  return new Response(answer.body, { status: answer.status, headers });
}

/**
 * Runs `work` once per (user, key): the first request does it and stores the answer (a 2xx); a
 * request that fails stores nothing, so its retry does the work. Without the header, `work` just runs.
 * `principal` (an API key's `key:<id>`) is hashed with the request: a key is stored under its creator, and
 * the creator's own session (acting perhaps in another workspace) must not be answered the key's creation.
 */
export async function idempotent(req: Request, user: SessionUser, db: Db, work: () => Promise<Response>, principal = ''): Promise<Response> {
  const key = req.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return work();
  if (!keyPattern.test(key)) throw new AppError('bad_request', 'Idempotency-Key must be 1 to 255 visible ASCII characters', { [IDEMPOTENCY_HEADER]: 'invalid' });
  const hash = await requestHash(req, principal);
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const claim = await claimIdempotencyKey(db, { userId: user.id, key, requestHash: hash, now: appClock().now() });
    if (claim.kind === 'replay') return replayed(claim.answer);
    if (claim.kind === 'claimed') break;
    if (Date.now() > deadline) throw new AppError('conflict', 'A request with this Idempotency-Key is still in progress: retry shortly', undefined, 1);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  let response: Response;
  try {
    response = await work();
  } catch (error) {
    await releaseIdempotencyKey(db, { userId: user.id, key });
    throw error;
  }
  if (response.status >= 300) {
    await releaseIdempotencyKey(db, { userId: user.id, key });
    return response;
  }
  const body = await response.clone().text();
  await completeIdempotencyKey(db, { userId: user.id, key, answer: { status: response.status, body, location: response.headers.get('location') } });
  return response;
}
