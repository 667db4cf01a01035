import { describe, expect, it } from 'vitest';
import { headerName, isBlankRecord, lineFeedsOnly, sniffDelimiter } from './csv-dialect';

describe('delimiter sniffing', () => {
  it.each([
    ['name,phone,company\n', ','],
    ['name;phone;company\n', ';'],
    ['name\tphone\tcompany\n', '\t'],
    ['name|phone\n', '|'],
    ['"a;b",phone\n', ','],
    ['phone\n', ','],
    ['name;phone\r\nA,B,C,D\r\n', ';'],
    ['\uFEFF"name;x";phone;company\n', ';'],
    // A quote inside a field is a character (csv-parse's relax_quotes): the semicolons still split.
    ['size 5" screen;name;phone,x\n', ';'],
    ['"say ""a,b,c""";name;phone\n', ';'],
    ['name,phone;x\n', ','],
  ])('%j is split on %j', (head, delimiter) => {
    expect(sniffDelimiter(head)).toBe(delimiter);
  });
});

it('CRLF and lone CR become LF', () => {
  expect(lineFeedsOnly('a\r\nb\rc\nd\r\n\r\ne\r')).toBe('a\nb\nc\nd\n\ne\n');
});

it.each([
  ['\uFEFFname', 'name'],
  ['  Phone Number ', 'Phone Number'],
  ['E-mail', 'E-mail'],
])('the header %j is named %j', (raw, name) => {
  expect(headerName(raw)).toBe(name);
});

it('a row of bare delimiters or spaces is blank, a row with one value is not', () => {
  expect(isBlankRecord(['', ' ', ''])).toBe(true);
  expect(isBlankRecord(['', 'x'])).toBe(false);
});
