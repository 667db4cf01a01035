import { describe, expect, it } from 'vitest';
import { nextStatus } from './lifecycle';

describe('campaign lifecycle', () => {
  it.each([
    ['start', 'draft', 'active'],
    ['start', 'active', null],
    ['start', 'paused', null],
    ['start', 'cancelled', null],
    ['pause', 'active', 'paused'],
    ['pause', 'draft', null],
    ['pause', 'paused', null],
    ['resume', 'paused', 'active'],
    ['resume', 'active', null],
    ['resume', 'draft', null],
    ['stop', 'draft', 'cancelled'],
    ['stop', 'active', 'cancelled'],
    ['stop', 'paused', 'cancelled'],
    ['stop', 'completed', null],
    ['stop', 'cancelled', null],
  ] as const)('%s from %s → %s', (action, from, to) => {
    expect(nextStatus(action, from)).toBe(to);
  });
});
