import { describe, expect, it } from 'vitest';
import { nextAttemptAt, webhookRetry } from './backoff';

const from = new Date('2026-12-01T00:00:00Z');
const at = (ms: number) => new Date(from.getTime() + ms);

describe('webhook retries', () => {
  it.each([
    [1, 0, 5_000],
    [2, 5_000, 20_000],
    [3, 25_000, 80_000],
    [4, 105_000, 320_000],
    [9, 3600_000, 6 * 3600_000],
  ])('after %i failed attempts at +%i ms the next comes %i ms later', (attempts, now, delay) => {
    expect(nextAttemptAt({ attempts, windowFrom: from, now: at(now) })!.getTime() - at(now).getTime()).toBe(delay);
  });

  it('the first retry comes within 10 s', () => {
    expect(nextAttemptAt({ attempts: 1, windowFrom: from, now: from })!.getTime() - from.getTime()).toBeLessThanOrEqual(10_000);
  });

  it('the last try falls on the 24-hour mark, and a failure then gives up', () => {
    expect(nextAttemptAt({ attempts: 12, windowFrom: from, now: at(webhookRetry.windowMs - 60_000) })).toEqual(at(webhookRetry.windowMs));
    expect(nextAttemptAt({ attempts: 13, windowFrom: from, now: at(webhookRetry.windowMs) })).toBeNull();
  });
});
