import { describe, expect, it } from 'vitest';
import { clausesOf, leadUtterances, negatedBefore, normalizeSpeech, replyPolarity } from './utterances';

describe('reading a transcript', () => {
  it('keeps only lead words, each with the agent question before it', () => {
    const utterances = leadUtterances([
      { speaker: 'agent', text: 'What budget do you have?' },
      { speaker: 'lead', text: 'About fifty thousand.' },
      { speaker: 'agent', text: 'We usually see $80,000.' },
      { speaker: 'lead', text: '  ' },
    ]);
    expect(utterances).toHaveLength(1);
    expect(utterances[0]).toMatchObject({ text: 'about fifty thousand.', digits: 'about 50 thousand.', question: 'what budget do you have?' });
  });

  it.each([
    ['Its slow, dont you think', "it's slow, don't you think"],
    ['Um, we’re, uh, fine', "we're fine"],
    ['10–20k', '10-20k'],
    ['Mm-hmm.', 'yes.'],
  ])('normalises %j', (input, expected) => {
    expect(normalizeSpeech(input)).toBe(expected);
  });

  it('splits clauses at punctuation and "but", not inside numbers', () => {
    expect(clausesOf("it's not slow, but it is expensive. we have $50,000")).toEqual(["it's not slow", 'it is expensive', 'we have $50,000']);
  });

  it.each([
    ["it's not slow", 10, true],
    ["i wouldn't say it's expensive", 25, true],
    ["it's slow", 5, false],
    ['no, it is slow', 11, true],
  ])('negation before %j at %i is %s', (clause, index, expected) => {
    expect(negatedBefore(clause, index)).toBe(expected);
  });

  it.each([
    ['yes, definitely', 'yes'],
    ["yep, that's me", 'yes'],
    ['sure, that works', 'yes'],
    ['not really, it is quick', 'no'],
    ['no, just me', 'no'],
    ['fifteen grand', null],
  ])('reply %j reads as %s', (answer, expected) => {
    expect(replyPolarity(answer)).toBe(expected);
  });
});
