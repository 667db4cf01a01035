import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { detectVoicemail } from './voicemail';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const voicemail = (...lines: string[]) => detectVoicemail(leadUtterances(say(...lines)));

describe('voicemail', () => {
  it.each([
    [["L: Hi, you've reached Dana. I can't take your call right now, please leave a message after the tone.", 'A: Hi Dana, Sam here.']],
    [['L: The person you are calling is not available.']],
    [["L: Hey it's Rob, leave a message.", 'L: Beep.', 'A: Hi Rob.']],
    [['L: The mailbox is full and cannot accept any messages at this time. Goodbye.']],
    [['L: Thank you for calling Acme Dental. Our office is currently closed. Please leave a message.']],
    [['L: sorry the voice mailbox you have dialed is full']],
    [['L: this mailbox is not accepting new messages goodbye']],
    // The recording menu after the greeting is the machine too.
    [['L: at the tone please record your message', 'L: when you are done recording hang up or press star for options']],
  ])('%j is a voicemail', (lines) => {
    expect(voicemail(...lines)).toBe(true);
  });

  it.each([
    [["L: Hi, the person you're calling is using a screening service. Say your name and why you're calling.", "A: It's Jo from Brightpath.", 'L: Hi, yeah, I heard. Sorry, not interested.']],
    [['L: Hello?', 'A: Hi, is this Sam?', "L: Sorry, I almost let it go to voicemail."]],
    [[]],
  ])('%j is a person', (lines) => {
    expect(voicemail(...lines)).toBe(false);
  });
});
