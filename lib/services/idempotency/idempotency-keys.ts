// Idempotent creates: the first request with a key does the work and stores its answer; a retry with
// the same key gets that answer back. The primary key (user, key) decides between concurrent retries.
// The stored answer is sealed like other personal data: a lead's phone number, or a webhook endpoint's
// secret, must not sit in the clear in this table for its day.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { dataCipher } from '@/lib/data-cipher';
import { AppError } from '@/lib/errors';

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
// A request still "in progress" after this long died with its process: a retry takes the key over.
// Creates finish in well under a second.
export const ABANDONED_AFTER_MS = 60_000;

export type StoredAnswer = { status: number; body: string; location: string | null };

export type KeyClaim = { kind: 'claimed' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'in_progress' };

const k = schema.idempotencyKeys;

/**
 * Takes the key for this request, or says what it already holds. An expired key, or one left in
 * progress by a request that died, is taken over as new; the same key sent with another request
 * (method, path or body) is a 422.
 */
export async function claimIdempotencyKey(db: Queryable, { userId, key, requestHash, now }: { userId: string; key: string; requestHash: string; now: Date }): Promise<KeyClaim> {
  const expiresAt = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  const taken = await db
    .insert(k)
    .values({ userId, key, requestHash, createdAt: now, expiresAt })
    .onConflictDoUpdate({
      target: [k.userId, k.key],
      set: { requestHash, status: null, body: null, location: null, createdAt: now, expiresAt },
      setWhere: or(lt(k.expiresAt, now), and(isNull(k.status), lt(k.createdAt, new Date(now.getTime() - ABANDONED_AFTER_MS)))),
    })
    .returning({ key: k.key });
  if (taken.length) return { kind: 'claimed' };
  const [held] = await db.select().from(k).where(and(eq(k.userId, userId), eq(k.key, key)));
  // Released between the insert and this read (the first request failed): the caller may claim again.
  if (!held) return { kind: 'in_progress' };
  if (held.requestHash !== requestHash) {
    throw new AppError('unprocessable', 'This Idempotency-Key was used for another request: send a new key for a new request', {
      'Idempotency-Key': 'already used with a different request',
    });
  }
  if (held.status === null || held.body === null) return { kind: 'in_progress' };
  return { kind: 'replay', answer: { status: held.status, body: dataCipher().open(held.body), location: held.location } };
}

/** Stores the first request's answer for its retries. */
export async function completeIdempotencyKey(db: Queryable, { userId, key, answer }: { userId: string; key: string; answer: StoredAnswer }) {
  await db.update(k).set({ status: answer.status, body: dataCipher().seal(answer.body), location: answer.location }).where(and(eq(k.userId, userId), eq(k.key, key)));
}

/** The first request failed and did nothing: a retry with the key may do the work. */
export async function releaseIdempotencyKey(db: Queryable, { userId, key }: { userId: string; key: string }) {
  await db.delete(k).where(and(eq(k.userId, userId), eq(k.key, key), sql`${k.status} is null`));
}

export async function pruneIdempotencyKeys(db: Queryable, { now }: { now: Date }) {
  const rows = await db.delete(k).where(lt(k.expiresAt, now)).returning({ key: k.key });
  return { deleted: rows.length };
}
