// Per-principal API limits by kind of request, counted in Postgres (lib/services/rate-limits) so
// every instance shares them. A principal is whoever the request acts as: `user:<id>` today, and
// `key:<id>` for an API key, so a key gets its own budget rather than its owner's.
import 'server-only';
import { getDb } from '@/db';
import { appClock } from '@/lib/clock';
import { env } from '@/lib/env';
import { rateLimited } from '@/lib/errors';
import { consumeRateLimit } from '@/lib/services/rate-limits';

export type RequestKind = 'read' | 'write' | 'create';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The kind a request counts as: reads by method; a route marks its creates. */
export function requestKind(req: Request, declared?: 'create'): RequestKind {
  if (safeMethods.has(req.method.toUpperCase())) return 'read';
  return declared ?? 'write';
}

const perMinute = (kind: RequestKind) =>
  ({ read: env.API_LIMIT_READS_PER_MINUTE, write: env.API_LIMIT_WRITES_PER_MINUTE, create: env.API_LIMIT_CREATES_PER_MINUTE })[kind];

/** Counts the request against the principal's budget for its kind; 429 with Retry-After when spent. */
export async function limitApiRequest(principalId: string, kind: RequestKind): Promise<void> {
  const hit = await consumeRateLimit(await getDb(), { key: `api:${kind}:${principalId}`, rule: { limit: perMinute(kind), windowSeconds: 60 }, now: appClock().now() });
  if (!hit.allowed) throw rateLimited(`Too many requests: at most ${hit.limit} ${kind}s a minute; try again in ${hit.retryAfterSeconds} s`, hit.retryAfterSeconds);
}
