import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { extractTeamSize } from './team-size';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const sizeOf = (...lines: string[]) => extractTeamSize(leadUtterances(say(...lines)));

describe('team size', () => {
  it.each([
    [["L: We've got about 25 reps."], 25],
    [['A: How many project managers?', 'L: twenty five'], 25],
    [['L: we have six coordinators and a crew of twelve'], 6],
    // A reply corrected: the correction stands.
    [['A: How many people?', 'L: um twelve no thirteen we just hired'], 13],
    [['A: How many people?', 'L: twelve, sorry, fourteen with the interns'], 14],
    [['L: Twelve people, soon fifteen.'], 12],
    [['L: About a hundred and fifty engineers.'], 150],
    [['L: like thirty five people in the call center'], 35],
    [['L: Eight of us.'], 8],
    [["L: It's just me and two others."], 3],
    [["L: We're a team of 8."], 8],
    [["L: We're six people."], 6],
    [['L: Three locations, about eighty staff in total.'], 80],
    [['L: We handle about fifty thousand calls a month with 10 agents.'], 10],
    [['A: How many people in the office?', 'L: Nine, counting me.'], 9],
    [['A: How many reps?', 'L: Seven.'], 7],
    [['L: Between 20 and 30 people.'], 20],
  ])('%j → %i', (lines, expected) => {
    expect(sizeOf(...lines)).toBe(expected);
  });

  it.each([
    [['A: How many stores?', 'L: Four stores.']],
    [['A: How many units?', 'L: Forty units.']],
    [['A: Most teams have 50 reps.', 'L: Okay.']],
    [['L: We have 3 offices.']],
  ])('none for %j', (lines) => {
    expect(sizeOf(...lines)).toBeNull();
  });
});
