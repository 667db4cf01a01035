import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth';

const nested = (depth: number, kind: 'array' | 'object') => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};

describe('nestsDeeperThan', () => {
  it.each([
    ['a scalar', 1, 0, false],
    ['an empty object', {}, 1, false],
    ['an empty object at depth 0', {}, 0, true],
    ['three arrays at a limit of 3', nested(3, 'array'), 3, false],
    ['four objects at a limit of 3', nested(4, 'object'), 3, true],
    ['a deep branch beside shallow ones', { a: 1, b: [1, 2], c: nested(10, 'object') }, 8, true],
  ])('%s', (_, value, max, deeper) => {
    expect(nestsDeeperThan(value, max)).toBe(deeper);
  });

  it('measures half a million levels without overflowing the stack', () => {
    const text = '['.repeat(500_000) + ']'.repeat(500_000);
    expect(nestsDeeperThan(JSON.parse(text), 32)).toBe(true);
  });
});
