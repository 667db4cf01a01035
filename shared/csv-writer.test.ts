import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, toCsv } from './csv-writer';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1 415', "'+1 415"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['a;=HYPERLINK("x")', `"a;=HYPERLINK(""x"")"`],
    ['a\t=1', '"a\t=1"'],
    [-2, '-2'],
    [-0.5, '-0.5'],
    [Number.NaN, 'NaN'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    [new Date('2026-01-02T03:04:05Z'), '2026-01-02T03:04:05.000Z'],
    [{ a: 1 }, '"{""a"":1}"'],
  ])('%j is written as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

it('rows end with CRLF and a whole file is their concatenation', () => {
  expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  expect(toCsv([['h1', 'h2'], ['=x', 'y']])).toBe("h1,h2\r\n'=x,y\r\n");
});
