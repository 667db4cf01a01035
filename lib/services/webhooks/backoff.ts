// When a failed delivery is tried again: 5 s, 20 s, 80 s, … ×4 each time, at most 6 h apart, for 24 h from
// the event (or the last "send again"); the last try falls on the 24-hour mark, and after it the delivery
// gives up and the endpoint is disabled.
export const webhookRetry = {
  firstDelayMs: 5_000,
  factor: 4,
  maxDelayMs: 6 * 3600_000,
  windowMs: 24 * 3600_000,
} as const;

/** The next attempt after `attempts` failed ones, or null when the window is spent. */
export function nextAttemptAt({ attempts, windowFrom, now }: { attempts: number; windowFrom: Date; now: Date }): Date | null {
  const end = windowFrom.getTime() + webhookRetry.windowMs;
  if (now.getTime() >= end) return null;
  const delay = Math.min(webhookRetry.firstDelayMs * webhookRetry.factor ** Math.max(0, attempts - 1), webhookRetry.maxDelayMs);
  return new Date(Math.min(now.getTime() + delay, end));
}
