// Password guessing is slowed at three scopes, so an attacker elsewhere cannot lock a user out:
// - per client address, across accounts: one address guessing many accounts;
// - per account from one address, in growing steps (a short window, then a long one): the delay
//   grows with the failures, and a successful sign-in from that address clears them;
// - per account from everywhere: generous, and it lapses with its window.
// The user's own address keeps its own account-and-address budget while an attacker's is spent.
import type { Queryable } from '@/db';
import { clearRateLimits, consumeRateLimit, type RateLimitRule } from './consume-rate-limit';

export type SignInLimits = { perIp: RateLimitRule; perAccountFromIp: RateLimitRule[]; perAccount: RateLimitRule };
export type ThrottleVerdict = { allowed: boolean; retryAfterSeconds: number };

type Attempt = { email: string; ip: string | undefined };

const account = (email: string) => email.trim().toLowerCase();

function accountFromIpKeys({ email, ip }: Attempt, limits: SignInLimits): Array<{ key: string; rule: RateLimitRule }> {
  if (!ip) return [];
  return limits.perAccountFromIp.map((rule) => ({ key: `sign-in:account-ip:${rule.windowSeconds}:${account(email)}:${ip}`, rule }));
}

/** Counts one sign-in attempt at every scope; refused (with the longest wait) when any is spent. */
export async function throttleSignIn(db: Queryable, attempt: Attempt & { limits: SignInLimits; now: Date }): Promise<ThrottleVerdict> {
  const { limits, now } = attempt;
  const counters = [
    ...(attempt.ip ? [{ key: `sign-in:ip:${attempt.ip}`, rule: limits.perIp }] : []),
    ...accountFromIpKeys(attempt, limits),
    { key: `sign-in:account:${account(attempt.email)}`, rule: limits.perAccount },
  ];
  let verdict: ThrottleVerdict = { allowed: true, retryAfterSeconds: 0 };
  for (const { key, rule } of counters) {
    const hit = await consumeRateLimit(db, { key, rule, now });
    if (!hit.allowed) verdict = { allowed: false, retryAfterSeconds: Math.max(verdict.retryAfterSeconds, hit.retryAfterSeconds) };
  }
  return verdict;
}

/** The right password from this address: its failures for this account no longer count. */
export async function signInSucceeded(db: Queryable, attempt: Attempt & { limits: SignInLimits }): Promise<void> {
  await clearRateLimits(
    db,
    accountFromIpKeys(attempt, attempt.limits).map((c) => c.key),
  );
}
