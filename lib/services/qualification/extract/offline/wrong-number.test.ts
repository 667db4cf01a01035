import { describe, expect, it } from 'vitest';
import { detectWrongNumber } from './wrong-number';
import { leadUtterances } from './utterances';

const wrong = (text: string) => detectWrongNumber(leadUtterances([{ speaker: 'lead', text }]));

describe('wrong number', () => {
  it.each([
    "You've got the wrong number, there's no Jordan here.",
    "Who? Sorry, I don't know anyone by that name.",
    "Mike doesn't work here anymore, he left last year.",
    'No, this is a residential line.',
    "No, this is Carla. I've had this number for like two months.",
    'Nope, not him. Wrong person.',
  ])('%s', (text) => {
    expect(wrong(text)).toBe(true);
  });

  it.each([
    [['A: Hi, is this Priya from Acme?', "L: huh no i don't know anyone named priya"]],
    [['A: Is Marco there?', 'L: sorry this is my home phone']],
  ])('%j', (lines) => {
    expect(detectWrongNumber(leadUtterances(lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }))))).toBe(true);
  });

  it('not knowing a name the agent did not ask for is no wrong number', () => {
    expect(detectWrongNumber(leadUtterances([{ speaker: 'agent', text: 'Is this Priya? Who handles your payroll?' }, { speaker: 'lead', text: "yes i don't know any vendor" }]))).toBe(false);
  });

  it.each(["There's no rush here.", "Don't get me wrong, it's fine.", "I don't know who makes that decision.", 'Speaking.'])('not: %s', (text) => {
    expect(wrong(text)).toBe(false);
  });
});
