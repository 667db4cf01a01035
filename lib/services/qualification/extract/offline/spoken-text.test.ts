import { describe, expect, it } from 'vitest';
import { segmentSpeech } from './spoken-text';

const one = (text: string) => segmentSpeech([text])[0];

describe('speech-to-text made readable', () => {
  it.each([
    ['fillers are dropped', 'we um we put aside uh sixty k', 'we put aside sixty k'],
    ['a stutter is said once', 'its its just slow', 'its just slow'],
    ['a repeated number is said once', 'eight eight people', 'eight people'],
    ['a year is not a stutter', 'twenty twenty five', 'twenty twenty five'],
    ['a fresh subject starts a clause', 'not right now im at an appointment', 'not right now, im at an appointment'],
    ['so does "can you…"', 'this week is crazy for me can you call back next week', 'this week is crazy for me, can you call back next week'],
    ['an imperative aimed at the caller', 'hes in meetings all morning try him this afternoon', 'hes in meetings all morning, try him this afternoon'],
    ['a self-correction', 'fifty thousand no wait fifteen thousand', 'fifty thousand, no wait fifteen thousand'],
    ['a subject after "think" stays in its clause', "i don't think we have budget", "i don't think we have budget"],
    ['no break inside a refusal', 'please dont ever call this number again', 'please dont ever call this number again'],
    ['"no thanks" stays whole', 'thanks but no thanks', 'thanks but no thanks'],
    ['a relative clause without "that" stays whole', 'its not anything we would use', 'its not anything we would use'],
    ['written punctuation is kept', "Yes, we use it. It's slow—really slow.".toLowerCase(), "yes, we use it. it's slow—really slow."],
  ])('%s', (_, text, expected) => {
    expect(one(text)).toBe(expected);
  });

  it('reads many texts at once, each on its own', () => {
    expect(segmentSpeech(['yeah', 'um no', 'its its fine\nreally'])).toEqual(['yeah', 'no', 'its fine really']);
  });
});
