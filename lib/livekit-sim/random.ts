// Seeded randomness. Each call draws from its own stream, keyed by the seed and the room, so a
// call's outcome does not depend on which calls happened to be dialled before it.
import crypto from 'node:crypto';

export type Random = () => number;

/** mulberry32: small, fast, and good enough to deal outcomes. */
function mulberry32(state: number): Random {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededRandom(seed: number, key: string): Random {
  return mulberry32(crypto.createHash('sha256').update(`${seed}:${key}`).digest().readUInt32LE(0));
}

/** One of the weighted choices; weights need not sum to 1. */
export function pickWeighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0);
  let roll = random() * total;
  for (const [choice, weight] of choices) {
    roll -= Math.max(0, weight);
    if (roll < 0) return choice;
  }
  return choices[choices.length - 1][0];
}

export function between(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}
