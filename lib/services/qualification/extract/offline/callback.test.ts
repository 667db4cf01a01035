import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { detectCallback } from './callback';
import { leadUtterances } from './utterances';

const now = new Date('2025-03-11T14:00:00Z');
const zone = 'America/New_York';
const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const callbackOf = (...lines: string[]) => {
  const { requested, at } = detectCallback(leadUtterances(say(...lines)), now, zone);
  return { requested, at: at ? DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm") : null };
};

describe('callback requests', () => {
  it.each([
    [["L: Yeah, I'm in a meeting. Call me back Thursday at 3."], '2025-03-13T15:00'],
    [['L: Not really. Can you try me tomorrow morning?'], '2025-03-12T09:00'],
    [["L: I'm driving right now.", 'A: Would Friday at 10 work for a quick call?', 'L: Yeah, Friday at 10 works.'], '2025-03-14T10:00'],
    [["L: I'm about to walk into a meeting.", 'A: Can I call you back Thursday at 3?', 'L: Sure, that works.'], '2025-03-13T15:00'],
    [["L: I can't talk, I'm driving.", "A: When's better?", 'L: Try me after lunch, like half past two.'], '2025-03-11T14:30'],
    [["L: I'm traveling until next week. Call me on the 20th at 11."], '2025-03-20T11:00'],
    [["L: Look, I'm on the warehouse floor. Can we do this Friday morning?"], '2025-03-14T09:00'],
    [["L: No, don't take me off the list, I just can't talk right now. Call me tomorrow at 2."], '2025-03-12T14:00'],
    [["L: I'm with a customer, call me later."], null],
    // A time in place of "me": "could you call wednesday morning instead".
    [['L: can you call wednesday morning instead'], '2025-03-12T09:00'],
    [['L: shes at lunch try again after lunch'], '2025-03-11T13:00'],
    [['L: Yes, but I have to jump.'], null],
  ])('%j → requested at %s', (lines, at) => {
    expect(callbackOf(...lines)).toEqual({ requested: true, at });
  });

  it.each([
    [["L: Don't call me again."]],
    [["L: Yeah, go ahead, I'm between meetings."]],
    [['A: Would a budget of fifty thousand work?', 'L: Yes.']],
    [['A: Is now a good time?', 'L: Yes, go ahead.']],
    [['L: Can we set up a demo next week?']],
    [["L: I'd need to run it by our CFO."]],
    [["L: don't call friday i'm not interested"]],
  ])('%j is no callback request', (lines) => {
    expect(callbackOf(...lines).requested).toBe(false);
  });
});
