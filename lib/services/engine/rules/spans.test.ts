import { describe, expect, it } from 'vitest';
import { intersectSpans, mergeSpans, type Span } from './spans';

const s = (start: number, end: number): Span => ({ start, end });

describe('mergeSpans', () => {
  it.each<[string, Span[], Span[]]>([
    ['touching spans join into one', [s(12, 17), s(9, 12)], [s(9, 17)]],
    ['overlapping spans join into one', [s(9, 13), s(11, 17)], [s(9, 17)]],
    ['a span inside another disappears into it', [s(9, 17), s(10, 11)], [s(9, 17)]],
    ['separate spans stay apart, in order', [s(14, 15), s(9, 10)], [s(9, 10), s(14, 15)]],
    ['empty spans are dropped', [s(5, 5), s(9, 10)], [s(9, 10)]],
  ])('%s', (_rule, input, expected) => {
    expect(mergeSpans(input)).toEqual(expected);
  });
});

describe('intersectSpans', () => {
  it.each<[string, Span[][], Span[]]>([
    ['keeps only the time every list covers', [[s(0, 10)], [s(5, 15)], [s(7, 20)]], [s(7, 10)]],
    ['spans that only touch share no time', [[s(0, 10)], [s(10, 20)]], []],
    ['one long span cuts several short ones', [[s(0, 100)], [s(10, 20), s(30, 40)]], [s(10, 20), s(30, 40)]],
    ['a list with no spans leaves nothing', [[s(0, 10)], []], []],
    ['no lists at all leave nothing', [], []],
  ])('%s', (_rule, lists, expected) => {
    expect(intersectSpans(lists)).toEqual(expected);
  });
});
