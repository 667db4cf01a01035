import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { extractBudget } from './budget';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const budgetOf = (...lines: string[]) => extractBudget(leadUtterances(say(...lines)));

describe('budget', () => {
  it.each([
    [['A: Is there a budget?', 'L: We set aside around $50k.'], 50_000],
    [['A: What could you invest?', "L: I'd say fifty thousand dollars is the ceiling."], 50_000],
    [['A: Budget?', 'L: Around 10 to 20 grand.'], 10_000],
    [['A: What would you spend?', 'L: Somewhere between 15 and 25 thousand.'], 15_000],
    [['A: Budget?', 'L: We budgeted 30k, well actually they bumped it to 40.'], 40_000],
    [['L: The project has $1.5 million allocated.'], 1_500_000],
    [['A: Budget?', "L: We've got half a million for tooling."], 500_000],
    [['A: Would fifty thousand work?', "L: No way, we're thinking more like twenty grand."], 20_000],
    [['A: Budget?', "L: We don't have any budget for this right now."], 0],
    [['A: Budget?', "L: Honestly, no more than 20k."], 20_000],
    // The negation is the rejected figure's, not the corrected one's.
    [['A: Are we talking sixty thousand?', 'L: no not sixty more like forty forty thousand is what we can do'], 40_000],
    // A hedge upward is a range: its low end.
    [['A: Budget for this?', 'L: like ninety thousand maybe a hundred'], 90_000],
  ])('%j → %s', (lines, expected) => {
    expect(budgetOf(...lines)).toBe(expected);
  });

  it.each([
    ['only the agent names an amount', ['A: Most teams spend about $80,000.', 'L: Okay.']],
    ['what they pay today', ['A: What do you use?', "L: Aircall. We pay $900 a month for it."]],
    ['an approval limit', ['A: Would you need approval?', 'L: I can approve anything under fifty grand.']],
    ['calls counted', ['A: How big is the team?', 'L: We handle about fifty thousand calls a month.']],
    ['no budget in mind yet', ['A: Budget?', "L: I don't really have a budget in mind."]],
    ['a rejected amount', ['A: Budget?', "L: We don't have fifty grand."]],
    ['a number outside budget talk', ['A: How many reps?', 'L: 40.']],
  ])('none when %s', (_, lines) => {
    expect(budgetOf(...lines)).toBeNull();
  });
});
