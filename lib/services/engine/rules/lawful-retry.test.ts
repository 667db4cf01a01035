import { describe, expect, it } from 'vitest';
import type { CallWindow } from '@/lib/services/campaigns/config';
import { nextLawfulRetryAt } from './lawful-retry';

const weekdays9to17: CallWindow[] = [1, 2, 3, 4, 5].map((dayOfWeek) => ({ dayOfWeek, startHour: 9, endHour: 17 }));
const config = {
  maxCallsPerLead: 3,
  retryRules: { noAnswerDelaysHours: [1, 4, 24], busyDelaysHours: [4], failedDelaysHours: [0, 24], voicemail: 'like_no_answer' as const },
};
const campaign = { timezone: 'America/New_York', callWindows: weekdays9to17 };
// A Los Angeles number (area code 213).
const pacificLead = { phone: '+12135550142', timezone: null };

function lawfulRetry(now: string, overrides: Partial<Parameters<typeof nextLawfulRetryAt>[0]> = {}) {
  const decision = nextLawfulRetryAt({ outcome: 'no_answer', attemptsSoFar: 1, outcomeCounts: { no_answer: 1 }, config, now: new Date(now), lead: pacificLead, campaign, ...overrides });
  return decision.retry ? decision.at.toISOString() : decision;
}

describe('a retry lands on the first lawful moment at or after its due time', () => {
  it.each([
    ['due inside the window and legal hours: kept as is', '2024-06-12T16:00:00Z', '2024-06-12T17:00:00.000Z'],
    ['due after the window (17:00 ET): moved to 11:00 ET next day, 08:00 for the Pacific lead', '2024-06-12T20:30:00Z', '2024-06-13T15:00:00.000Z'],
    ['due Friday evening: moved to Monday', '2024-06-14T20:30:00Z', '2024-06-17T15:00:00.000Z'],
  ])('%s', (_rule, now, expected) => {
    expect(lawfulRetry(now)).toBe(expected);
  });

  it('a Florida lead is held to Florida’s 08:00–20:00, not the federal 21:00', () => {
    // Due Wednesday 20:30 in Miami: the campaign (Miami, 08–21) is open, Florida law is not.
    const miami = { timezone: 'America/New_York', callWindows: [3, 4].map((dayOfWeek) => ({ dayOfWeek, startHour: 8, endHour: 21 })) };
    const decision = nextLawfulRetryAt({ outcome: 'no_answer', attemptsSoFar: 1, outcomeCounts: { no_answer: 1 }, config: { ...config, retryRules: { ...config.retryRules, noAnswerDelaysHours: [0] } }, now: new Date('2024-06-13T00:30:00Z'), lead: { phone: '+13055550100' }, campaign: miami });
    expect(decision).toEqual({ retry: true, at: new Date('2024-06-13T12:00:00Z') });
  });

  it('a lead that is settled stays settled', () => {
    expect(lawfulRetry('2024-06-12T16:00:00Z', { outcome: 'not_interested', outcomeCounts: { not_interested: 1 } })).toEqual({ retry: false, leadStatus: 'completed' });
  });

  it('a lead whose lawful hours never meet the windows is exhausted, saying why', () => {
    expect(lawfulRetry('2024-06-12T16:00:00Z', { lead: { phone: '+81312345678', timezone: 'Asia/Tokyo' } })).toEqual({ retry: false, leadStatus: 'exhausted', reason: 'no_lawful_moment' });
  });
});
