import { SipCallError, TwirpError } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { toDialError } from '@/lib/telephony/sip-errors';
import { httpStatusByTwirpCode } from './twirp';
import { dialResults, defaultDialResultMix, dialScriptFor, failureVariants, dialResultMixOf, pickDialResult, type DialResult } from './dial-results';
import { seededRandom } from './random';

function tally(seed: number, calls: number, mix = dialResultMixOf()): Record<DialResult, number> {
  const counts = Object.fromEntries(dialResults.map((o) => [o, 0])) as Record<DialResult, number>;
  for (let i = 0; i < calls; i++) counts[pickDialResult(seededRandom(seed, `call-${i}`), mix)]++;
  return counts;
}

describe('simulated call outcomes', () => {
  it('over 2000 seeded calls the outcomes come out near the default mix', () => {
    const counts = tally(42, 2000);
    for (const outcome of dialResults) expect(counts[outcome] / 2000).toBeCloseTo(defaultDialResultMix[outcome], 1);
    for (const outcome of dialResults) expect(Math.abs(counts[outcome] / 2000 - defaultDialResultMix[outcome])).toBeLessThan(0.03);
  });

  it('the same seed and room give the same outcome, in any order', () => {
    const forward = Array.from({ length: 50 }, (_, i) => pickDialResult(seededRandom(7, `room-${i}`), dialResultMixOf()));
    const backward = Array.from({ length: 50 }, (_, i) => pickDialResult(seededRandom(7, `room-${49 - i}`), dialResultMixOf())).reverse();
    expect(backward).toEqual(forward);
    expect(Array.from({ length: 50 }, (_, i) => pickDialResult(seededRandom(8, `room-${i}`), dialResultMixOf()))).not.toEqual(forward);
  });

  it('a given mix replaces the default, and outcomes it leaves out never happen', () => {
    const counts = tally(1, 500, dialResultMixOf({ answered: 3, busy: 1 }));
    expect(counts.answered + counts.busy).toBe(500);
    expect(counts.answered / 500).toBeCloseTo(0.75, 1);
    expect(() => dialResultMixOf({ answered: 0 })).toThrow();
  });

  // The simulator's failures must be what the app's mapping expects from LiveKit, or the demo lies.
  const expectedKind: Record<keyof typeof failureVariants, string> = { busy: 'busy', no_answer: 'no_answer', failed: 'failed', invalid_number: 'invalid_number' };
  it.each(Object.entries(failureVariants).flatMap(([outcome, variants]) => variants.map((v) => [outcome, v.failure.sipStatus?.code ?? 'ring-out', v.failure] as const)))(
    'a simulated %s (%s) is read by the app as that outcome',
    (outcome, _, failure) => {
      const error = new TwirpError('error', failure.message, httpStatusByTwirpCode[failure.code], failure.code, failure.sipStatus ? { sip_status_code: String(failure.sipStatus.code), sip_status: failure.sipStatus.reason } : undefined);
      const dial = toDialError(failure.sipStatus ? SipCallError.fromServerError(error) : error);
      expect(dial.kind).toBe(expectedKind[outcome as keyof typeof failureVariants]);
    },
  );

  it('answered calls ring a few seconds; a ring-out rings until the timeout', () => {
    const random = seededRandom(3, 'x');
    for (let i = 0; i < 100; i++) {
      const answered = dialScriptFor('answered', random);
      expect(answered.ringSeconds).toBeGreaterThanOrEqual(4);
      expect(answered.ringSeconds).toBeLessThanOrEqual(15);
    }
    const ringOuts = Array.from({ length: 200 }, () => dialScriptFor('no_answer', random)).filter((s) => s.ringSeconds === 'ring_out');
    expect(ringOuts.length).toBeGreaterThan(50);
  });
});
