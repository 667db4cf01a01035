import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { detectOptOut } from './opt-out';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const optOut = (...lines: string[]) => detectOptOut(leadUtterances(say(...lines)));

describe('opt-out', () => {
  it.each([
    "L: Take me off your list and don't call again.",
    'L: Please put this number on your do not call list.',
    'L: Stop calling me.',
    "L: Don't ever call here again.",
    "L: I'm not interested, and please don't call this number again.",
    'L: Remove my number from your system.',
    'L: Lose my number.',
    "L: I'm on the do not call registry.",
    'L: Wrong number. And take this number off your list.',
  ])('%s is an opt-out', (line) => {
    expect(optOut(line)).toBe(true);
  });

  it.each([
    ["L: No, don't take me off the list, I just can't talk right now."],
    ['A: Say stop calling and I will take you off our list.', "L: No, it's fine, go ahead."],
    ["L: Don't call me before 3."],
    ['L: Not interested, thanks.'],
  ])('%j is not', (...lines) => {
    expect(optOut(...lines)).toBe(false);
  });
});
