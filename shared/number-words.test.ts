import { describe, expect, it } from 'vitest';
import { digitize } from './number-words';

describe('number words become digits', () => {
  it.each([
    ['fifty thousand dollars', '50 thousand dollars'],
    ['seventy-five thousand earmarked', '75 thousand earmarked'],
    ['about a hundred and fifty engineers', 'about 150 engineers'],
    ['a hundred grand', '100 grand'],
    ['half a million for tooling', '0.5 million for tooling'],
    ['one point five million', '1.5 million'],
    ['two and a half million', '2.5 million'],
    ['two thousand five hundred', '2500'],
    ['twenty to thirty thousand a year', '20 to 30 thousand a year'],
    ['thirty five people', '35 people'],
    ['thirty-five k', '35 k'],
    ['twelve people, soon fifteen', '12 people, soon 15'],
    ['half past two', 'half past 2'],
    ['four thirty', '4 30'],
    ['in twenty minutes', 'in 20 minutes'],
    ['no one by that name', 'no one by that name'],
    ['already 35 thousand', 'already 35 thousand'],
    ['a budget of sorts', 'a budget of sorts'],
  ])('%s → %s', (input, expected) => {
    expect(digitize(input)).toBe(expected);
  });
});
