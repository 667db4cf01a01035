import { afterEach, describe, expect, it } from 'vitest';
import { dialRequestsInFlight, dialsSettled, onDialCapacityFreed, reserveDialSlots, returnDialSlots, runInDialSlot, setDialRequestLimit } from './dial-capacity';

afterEach(() => {
  onDialCapacityFreed(undefined);
  setDialRequestLimit(100);
});

describe('one bound on dial requests in flight, across campaigns', () => {
  it('grants what is free, never more, and remembers who went without', async () => {
    setDialRequestLimit(5);
    const freed: string[][] = [];
    onDialCapacityFreed((ids) => freed.push(ids));
    expect(reserveDialSlots('a', 3)).toBe(3);
    expect(reserveDialSlots('b', 3)).toBe(2); // only two left
    expect(reserveDialSlots('c', 1)).toBe(0);
    expect(dialRequestsInFlight()).toBe(5);

    // A slot frees when its dial request settles; those who went short are told once.
    let answer!: () => void;
    const dial = runInDialSlot(() => new Promise<void>((resolve) => (answer = resolve)));
    expect(dialRequestsInFlight()).toBe(5);
    answer();
    await dial;
    expect(dialRequestsInFlight()).toBe(4);
    expect(freed).toEqual([['b', 'c']]);

    returnDialSlots(4);
    expect(dialRequestsInFlight()).toBe(0);
    expect(freed).toHaveLength(1);
  });

  it('a failed dial frees its slot too, and dialsSettled waits for every dial', async () => {
    setDialRequestLimit(2);
    expect(reserveDialSlots('a', 2)).toBe(2);
    let settled = 0;
    const failing = runInDialSlot(() => new Promise<void>((_, reject) => setTimeout(() => reject(new Error('no answer')), 10)));
    failing.catch(() => settled++);
    void runInDialSlot(() => new Promise<void>((resolve) => setTimeout(resolve, 20))).then(() => settled++);
    await dialsSettled();
    expect(settled).toBe(2);
    expect(dialRequestsInFlight()).toBe(0);
  });
});
