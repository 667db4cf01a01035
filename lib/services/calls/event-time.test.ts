import { describe, expect, it } from 'vitest';
import { eventTimeWithinCall } from './event-time';

const claimedAt = new Date('2026-03-02T15:00:00Z');
const now = new Date('2026-03-02T15:10:00Z');
const at = (iso: string) => new Date(iso);

describe('an event is dated within its call’s life (claimed … now)', () => {
  it.each([
    { why: 'inside the call: kept', sent: '2026-03-02T15:04:00Z', kept: '2026-03-02T15:04:00Z' },
    { why: 'up to 5 min before the claim: moved to the claim', sent: '2026-03-02T14:55:00Z', kept: '2026-03-02T15:00:00Z' },
    { why: 'up to 2 min after now: moved to now', sent: '2026-03-02T15:12:00Z', kept: '2026-03-02T15:10:00Z' },
  ])('$why', ({ sent, kept }) => {
    expect(eventTimeWithinCall(at(sent), { claimedAt, now }).at?.toISOString()).toBe(at(kept).toISOString());
  });

  it.each([
    { why: 'an hour before the claim', sent: '2026-03-02T14:00:00Z', reason: /60 min before the call was claimed/ },
    { why: 'just over 5 min before the claim', sent: '2026-03-02T14:54:59Z', reason: /before the call was claimed/ },
    { why: 'an hour in the future', sent: '2026-03-02T16:10:00Z', reason: /60 min in the future/ },
  ])('is ignored when dated $why', ({ sent, reason }) => {
    expect(eventTimeWithinCall(at(sent), { claimedAt, now }).ignored).toMatch(reason);
  });

  it('treats a clock behind the claim as the claim, not as every event being in the future', () => {
    expect(eventTimeWithinCall(at('2026-03-02T15:00:30Z'), { claimedAt, now: at('2026-03-02T14:00:00Z') }).at?.toISOString()).toBe('2026-03-02T15:00:00.000Z');
  });
});
