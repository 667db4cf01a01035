// When an event about a call happened, as far as it can be believed. Webhooks are signed, but the
// time in them is the sender's: a replayed or mis-clocked event dated an hour back once moved a
// call's answer before its campaign existed and billed 55 minutes. Nothing about a call happens
// before it was claimed or after the moment the event arrives, so times are held to that span: a
// little outside is clock skew and is moved to the nearest edge; far outside is not this call's
// event at all and is ignored.

/** How far outside the call's life an event may be dated and still be taken as skew. */
export const eventTimeTolerance = {
  beforeClaimMs: 5 * 60_000,
  aheadOfNowMs: 2 * 60_000,
} as const;

export type EventTime = { at: Date; clamped: boolean; ignored?: undefined } | { ignored: string; at?: undefined; clamped?: undefined };

export function eventTimeWithinCall(at: Date, { claimedAt, now }: { claimedAt: Date; now: Date }): EventTime {
  // A clock behind the claim (a test clock, a restored backup) must not make every event "future".
  const latest = Math.max(now.getTime(), claimedAt.getTime());
  const t = at.getTime();
  if (Number.isNaN(t)) return { ignored: 'the event has no readable time' };
  if (t < claimedAt.getTime() - eventTimeTolerance.beforeClaimMs) {
    return { ignored: `dated ${minutes(claimedAt.getTime() - t)} before the call was claimed` };
  }
  if (t > latest + eventTimeTolerance.aheadOfNowMs) return { ignored: `dated ${minutes(t - latest)} in the future` };
  if (t < claimedAt.getTime()) return { at: new Date(claimedAt), clamped: true };
  if (t > latest) return { at: new Date(latest), clamped: true };
  return { at, clamped: false };
}

function minutes(ms: number): string {
  return `${Math.round(ms / 60_000)} min`;
}
