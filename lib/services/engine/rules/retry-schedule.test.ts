import { describe, expect, it } from 'vitest';
import type { RetryRules } from '@/lib/services/campaigns/config';
import type { CallOutcome } from '@/shared/call-outcomes';
import { nextRetry, type RetryInput } from './retry-schedule';

const NOW = new Date('2024-06-12T15:00:00Z');
const defaultRules: RetryRules = { noAnswerDelaysHours: [1, 4, 24], busyDelaysHours: [4], failedDelaysHours: [0, 24], voicemail: 'like_no_answer' };

type Counts = RetryInput['outcomeCounts'];
type Settings = { maxCallsPerLead?: number; retryDelayHours?: number; retryRules?: Partial<RetryRules> };
/** What the rule should say: a wait in hours from now, or the lead's final status. */
type Expected = number | 'completed' | 'exhausted';

function decide(outcome: CallOutcome, attemptsSoFar: number, outcomeCounts: Counts, settings: Settings = {}, callbackAt?: Date | null): Expected {
  const config = {
    maxCallsPerLead: settings.maxCallsPerLead ?? 3,
    retryDelayHours: settings.retryDelayHours,
    retryRules: { ...defaultRules, ...settings.retryRules },
  };
  const decision = nextRetry({ outcome, attemptsSoFar, outcomeCounts, config, callbackAt, now: NOW });
  return decision.retry ? (decision.at.getTime() - NOW.getTime()) / 3_600_000 : decision.leadStatus;
}

type Row = [rule: string, outcome: CallOutcome, attemptsSoFar: number, counts: Counts, settings: Settings, expected: Expected];

describe('no_answer is retried after 1h, then 4h, within three attempts', () => {
  it.each<Row>([
    ['the first no_answer waits 1h', 'no_answer', 1, { no_answer: 1 }, {}, 1],
    ['the second no_answer waits 4h', 'no_answer', 2, { no_answer: 2 }, {}, 4],
    ['the third no_answer exhausts the lead (3 attempts)', 'no_answer', 3, { no_answer: 3 }, {}, 'exhausted'],
    ['maxCallsPerLead 10 still stops at 3 attempts', 'no_answer', 3, { no_answer: 3 }, { maxCallsPerLead: 10 }, 'exhausted'],
    ['maxCallsPerLead 2 stops at the second attempt', 'no_answer', 2, { no_answer: 2 }, { maxCallsPerLead: 2 }, 'exhausted'],
    ['maxCallsPerLead 1 never retries', 'no_answer', 1, { no_answer: 1 }, { maxCallsPerLead: 1 }, 'exhausted'],
    ['a no_answer after a busy is the first no_answer: 1h', 'no_answer', 2, { busy: 1, no_answer: 1 }, {}, 1],
    ['a count left at 0 is read as this being the first', 'no_answer', 1, {}, {}, 1],
    ['a custom ladder is followed', 'no_answer', 2, { no_answer: 2 }, { retryRules: { noAnswerDelaysHours: [2, 6] } }, 6],
    ['past the end of the ladder the lead is exhausted', 'no_answer', 2, { no_answer: 2 }, { retryRules: { noAnswerDelaysHours: [2] } }, 'exhausted'],
  ])('%s', (_rule, outcome, attempts, counts, settings, expected) => {
    expect(decide(outcome, attempts, counts, settings)).toBe(expected);
  });
});

describe('busy is retried once, after 4h', () => {
  it.each<Row>([
    ['the first busy waits 4h', 'busy', 1, { busy: 1 }, {}, 4],
    ['the second busy exhausts the lead (2 attempts)', 'busy', 2, { busy: 2 }, {}, 'exhausted'],
    ['a first busy after a no_answer waits 4h', 'busy', 2, { no_answer: 1, busy: 1 }, {}, 4],
    ['a first busy on the third attempt exhausts the lead', 'busy', 3, { no_answer: 2, busy: 1 }, {}, 'exhausted'],
    ['a campaign allowing two busy retries gets them', 'busy', 2, { busy: 2 }, { retryRules: { busyDelaysHours: [4, 8] } }, 8],
  ])('%s', (_rule, outcome, attempts, counts, settings, expected) => {
    expect(decide(outcome, attempts, counts, settings)).toBe(expected);
  });
});

describe('failed is retried at once, then after 24h', () => {
  it.each<Row>([
    ['the first failure retries immediately', 'failed', 1, { failed: 1 }, {}, 0],
    ['the second failure waits 24h', 'failed', 2, { failed: 2 }, {}, 24],
    ['the third failure exhausts the lead', 'failed', 3, { failed: 3 }, {}, 'exhausted'],
    ['a failure after two no_answers exhausts the lead (3 attempts)', 'failed', 3, { no_answer: 2, failed: 1 }, {}, 'exhausted'],
    ['retryDelayHours does not stretch a technical retry', 'failed', 2, { failed: 2 }, { retryDelayHours: 2 }, 24],
  ])('%s', (_rule, outcome, attempts, counts, settings, expected) => {
    expect(decide(outcome, attempts, counts, settings)).toBe(expected);
  });
});

describe('voicemail follows the campaign setting', () => {
  it.each<Row>([
    ['by default the first voicemail waits 1h, like no_answer', 'voicemail', 1, { voicemail: 1 }, {}, 1],
    ['a voicemail after a no_answer is the second rung: 4h', 'voicemail', 2, { no_answer: 1, voicemail: 1 }, {}, 4],
    ['a no_answer after a voicemail is the second rung: 4h', 'no_answer', 2, { voicemail: 1, no_answer: 1 }, {}, 4],
    ['a third voicemail exhausts the lead', 'voicemail', 3, { voicemail: 3 }, {}, 'exhausted'],
    ["'never': a voicemail settles the lead", 'voicemail', 1, { voicemail: 1 }, { retryRules: { voicemail: 'never' } }, 'completed'],
    ["'never': an earlier voicemail does not move no_answer up the ladder", 'no_answer', 2, { voicemail: 1, no_answer: 1 }, { retryRules: { voicemail: 'never' } }, 1],
  ])('%s', (_rule, outcome, attempts, counts, settings, expected) => {
    expect(decide(outcome, attempts, counts, settings)).toBe(expected);
  });
});

describe('retryDelayHours replaces the no_answer, voicemail and busy waits, not their number', () => {
  it.each<Row>([
    ['the first no_answer waits the set delay', 'no_answer', 1, { no_answer: 1 }, { retryDelayHours: 2 }, 2],
    ['the second no_answer waits the same delay', 'no_answer', 2, { no_answer: 2 }, { retryDelayHours: 2 }, 2],
    ['a voicemail waits the set delay', 'voicemail', 1, { voicemail: 1 }, { retryDelayHours: 2 }, 2],
    ['the first busy waits the set delay', 'busy', 1, { busy: 1 }, { retryDelayHours: 2 }, 2],
    ['the second busy still exhausts the lead', 'busy', 2, { busy: 2 }, { retryDelayHours: 2 }, 'exhausted'],
    ['a delay of 0 means at once', 'no_answer', 1, { no_answer: 1 }, { retryDelayHours: 0 }, 0],
  ])('%s', (_rule, outcome, attempts, counts, settings, expected) => {
    expect(decide(outcome, attempts, counts, settings)).toBe(expected);
  });
});

describe('callback_requested is called back when the lead asked', () => {
  const in50h = new Date(NOW.getTime() + 50 * 3_600_000);
  const anHourAgo = new Date(NOW.getTime() - 3_600_000);
  it.each<[rule: string, attemptsSoFar: number, callbackAt: Date | null | undefined, expected: Expected]>([
    ['at the time the lead gave', 1, in50h, 50],
    ['24h later when the lead gave no time', 1, undefined, 24],
    ['24h later when the time is null', 2, null, 24],
    ['at once when the time has already passed', 1, anHourAgo, 0],
    ['not at all once three attempts are made', 3, in50h, 'exhausted'],
  ])('%s', (_rule, attempts, callbackAt, expected) => {
    expect(decide('callback_requested', attempts, { callback_requested: 1 }, {}, callbackAt)).toBe(expected);
  });
});

describe('conclusive outcomes are never retried', () => {
  it.each<[CallOutcome, Expected]>([
    ['wrong_number', 'completed'],
    ['invalid_number', 'completed'],
    ['not_interested', 'completed'],
    ['qualified', 'completed'],
    ['unqualified', 'completed'],
    ['completed', 'completed'],
  ])('%s settles the lead as %s, even on the first attempt', (outcome, expected) => {
    expect(decide(outcome, 1, { [outcome]: 1 })).toBe(expected);
  });

  it.each<[CallOutcome, Expected]>([
    ['qualified', 'completed'],
    ['not_interested', 'completed'],
  ])('%s on the last allowed attempt is %s, not exhausted', (outcome, expected) => {
    expect(decide(outcome, 3, { no_answer: 2, [outcome]: 1 })).toBe(expected);
  });
});
