import { describe, expect, it } from 'vitest';
import { importProgress } from './import-progress';

describe('import progress line', () => {
  it.each([
    ['a progress after the first chunk', { rows: 20_000, inserted: 19_990, duplicates: 5, dnc: 3, rejected: 2 }, true],
    ['nothing done yet', { rows: 0, inserted: 0, duplicates: 0, dnc: 0, rejected: 0 }, true],
    ['a count left out', { rows: 10, inserted: 10, duplicates: 0, dnc: 0 }, false],
    ['a negative count', { rows: 10, inserted: -1, duplicates: 0, dnc: 0, rejected: 0 }, false],
    ['a fractional count', { rows: 10.5, inserted: 10, duplicates: 0, dnc: 0, rejected: 0 }, false],
  ])('%s: valid is %s', (_, line, valid) => {
    expect(importProgress.safeParse(line).success).toBe(valid);
  });
});
