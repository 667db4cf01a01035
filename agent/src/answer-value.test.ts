import { describe, expect, it } from 'vitest';
import { parseAnswer } from './answer-value';

describe('an answer takes its criterion\'s type', () => {
  it.each([
    ['number', '42', 42],
    ['number', '2.5k', 2500],
    ['number', '€1,200', 1200],
    ['number', '3 million dollars', 3_000_000],
    ['number', '1bn', 1_000_000_000],
    ['boolean', 'Yes.', true],
    ['boolean', 'yep', true],
    ['boolean', 'no', false],
    ['boolean', true, true],
    ['string', 42, '42'],
    ['string_list', 'trucks; vans and bikes', ['trucks', 'vans', 'bikes']],
    ['string_list', ['a', 2, null, ' '], ['a', '2']],
  ] as const)('%s from %j → %j', (type, raw, value) => {
    expect(parseAnswer(type, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['number', 'around fifty'],
    ['number', Number.NaN],
    ['number', null],
    ['boolean', 'it depends'],
    ['string', ''],
    ['string', { nested: true }],
    ['string_list', 42],
  ] as const)('%s from %j is refused', (type, raw) => {
    expect(parseAnswer(type, raw).ok).toBe(false);
  });

  it('cuts a rambling text answer down to size', () => {
    const parsed = parseAnswer('string', 'x'.repeat(2_000));
    expect(parsed.ok && (parsed.value as string).length).toBe(500);
  });
});
