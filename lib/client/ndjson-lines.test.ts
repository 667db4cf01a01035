import { describe, expect, it } from 'vitest';
import { GrowingText, NdjsonLines } from './ndjson-lines';

const progress = (inserted: number) => ({ progress: { rows: inserted, inserted, duplicates: 0, dnc: 0, rejected: 0 } });
const report = { result: { inserted: 3, duplicates: 0, dnc: 0, rejected: [], rejectedTotal: 0, totalRows: 3 } };
const ndjson = (...values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n');

describe('NdjsonLines', () => {
  it('a line cut across pieces is read once, whole', () => {
    const lines = new NdjsonLines();
    const text = `${ndjson(progress(1), progress(2))}\n`;
    const cut = 7;
    expect(lines.push(text.slice(0, cut))).toEqual([]);
    expect(lines.push(text.slice(cut, text.indexOf('\n') + 3))).toEqual([progress(1)]);
    expect(lines.push(text.slice(text.indexOf('\n') + 3))).toEqual([progress(2)]);
    expect(lines.end()).toEqual([]);
  });

  it('the final line in the last piece, with its newline, comes from push', () => {
    const lines = new NdjsonLines();
    expect(lines.push(`${ndjson(progress(1))}\n`)).toEqual([progress(1)]);
    expect(lines.push(`${ndjson(report)}\n`)).toEqual([report]);
    expect(lines.end()).toEqual([]);
  });

  it('the final line in the last piece, without a newline, comes from end', () => {
    const lines = new NdjsonLines();
    expect(lines.push(`${ndjson(progress(1))}\n${ndjson(report)}`)).toEqual([progress(1)]);
    expect(lines.end()).toEqual([report]);
  });

  it('empty lines are skipped', () => {
    const lines = new NdjsonLines();
    expect(lines.push(`\n${ndjson(progress(1))}\n\n`)).toEqual([progress(1)]);
    expect(lines.end()).toEqual([]);
  });
});

describe('GrowingText (an XMLHttpRequest responseText as it grows)', () => {
  // The browser calls onprogress with the text so far, then onload with the whole text: a final
  // line read by the progress handler must not be lost, nor read again, by the load handler.
  it.each([
    ['with a trailing newline', `${ndjson(progress(1), progress(2), report)}\n`],
    ['without a trailing newline', ndjson(progress(1), progress(2), report)],
  ])('the report in the last chunk, %s, is read exactly once', (_, whole) => {
    const reader = new GrowingText();
    const seen: unknown[] = [];
    const firstBreak = whole.indexOf('\n') + 1;
    seen.push(...reader.read(whole.slice(0, firstBreak - 3)));
    seen.push(...reader.read(whole.slice(0, firstBreak)));
    seen.push(...reader.read(whole)); // the last progress event holds the whole text
    seen.push(...reader.finish(whole)); // then the load event, with the same text
    expect(seen).toEqual([progress(1), progress(2), report]);
  });

  it('a load event with text no progress event saw reads all of it', () => {
    const whole = ndjson(progress(1), report);
    expect(new GrowingText().finish(whole)).toEqual([progress(1), report]);
  });
});
