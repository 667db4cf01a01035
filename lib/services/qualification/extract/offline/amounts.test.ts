import { describe, expect, it } from 'vitest';
import { amountsIn } from './amounts';
import { digitize } from './number-words';

const first = (text: string) => amountsIn(digitize(text.toLowerCase()))[0];

describe('amounts of money', () => {
  it.each([
    ['$50k', 50_000],
    ['50,000 dollars', 50_000],
    ['fifty thousand', 50_000],
    ['fifty grand', 50_000],
    ['a hundred grand', 100_000],
    ['$1.5 million', 1_500_000],
    ['$1.5m', 1_500_000],
    ['half a million', 500_000],
    ['twenty k', 20_000],
    ['five hundred bucks', 500],
    ['$120,000 a year', 120_000],
    ['around 10 to 20 grand', 10_000],
    ['between 15 and 25 thousand', 15_000],
    ['twenty to thirty thousand a year', 20_000],
    ['$10-20k', 10_000],
    ['$500 to $1,000', 500],
  ])('%s → %i', (text, value) => {
    expect(first(text)).toMatchObject({ value, money: true });
  });

  it.each([['fifty thousand calls a month'], ['10 agents'], ['thirty five people'], ['3 months']])('%s is counted, not money', (text) => {
    expect(first(text)?.money).toBe(false);
  });

  it('a hedge upward is a range, the scale said once', () => {
    expect(first('ninety thousand maybe a hundred')).toMatchObject({ value: 90_000, high: 100_000, money: true });
    expect(first('forty thousand or fifty')).toMatchObject({ value: 40_000, high: 50_000 });
  });

  it('a bare number is kept, marked bare', () => {
    expect(first('bumped it to 40')).toMatchObject({ value: 40, bare: true, money: false });
  });
});
