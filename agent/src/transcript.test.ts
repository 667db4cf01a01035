import { describe, expect, it } from 'vitest';
import { Transcript, maxTotalChars, maxTurnLength, maxTurns } from './transcript';

const answeredAt = 1_750_000_000_000;

describe('the transcript', () => {
  it('turns user and assistant messages into lead and agent turns, timed from the answer', () => {
    const transcript = new Transcript(answeredAt);
    transcript.add({ role: 'assistant', text: 'Hi, am I speaking with Jane?', createdAt: answeredAt + 250 });
    transcript.add({ role: 'user', text: ' Yes, speaking. ', createdAt: answeredAt + 2_400.6 });
    expect(transcript.entries()).toEqual([
      { speaker: 'agent', text: 'Hi, am I speaking with Jane?', startMs: 250 },
      { speaker: 'lead', text: 'Yes, speaking.', startMs: 2401 },
    ]);
  });

  it('leaves out system prompts, developer notes and empty turns', () => {
    const transcript = new Transcript(answeredAt);
    transcript.add({ role: 'system', text: 'You are a sales agent', createdAt: answeredAt });
    transcript.add({ role: 'developer', text: 'note', createdAt: answeredAt });
    transcript.add({ role: 'user', text: '   ', createdAt: answeredAt });
    transcript.add({ role: 'assistant', text: undefined, createdAt: answeredAt });
    expect(transcript.entries()).toEqual([]);
  });

  it('orders turns by when they were spoken, not when they were added', () => {
    const transcript = new Transcript(answeredAt);
    transcript.add({ role: 'assistant', text: 'second', createdAt: answeredAt + 2_000 });
    transcript.add({ role: 'user', text: 'first', createdAt: answeredAt + 1_000 });
    expect(transcript.entries().map((t) => t.text)).toEqual(['first', 'second']);
  });

  it('never gives a negative time to a message from before the answer', () => {
    const transcript = new Transcript(answeredAt);
    transcript.add({ role: 'assistant', text: 'early', createdAt: answeredAt - 500 });
    expect(transcript.entries()[0].startMs).toBe(0);
  });

  it("stays inside the app's limits on turn length and count", () => {
    const transcript = new Transcript(answeredAt);
    transcript.add({ role: 'user', text: 'x'.repeat(maxTurnLength + 10), createdAt: answeredAt });
    for (let i = 0; i < maxTurns + 10; i++) transcript.add({ role: 'assistant', text: 'ok', createdAt: answeredAt + i });
    const entries = transcript.entries();
    expect(entries).toHaveLength(maxTurns);
    expect(entries[0].text).toHaveLength(maxTurnLength);
  });

  it("stops at the app's limit on a transcript's characters, the end of a turn cut to fit", () => {
    const transcript = new Transcript(answeredAt);
    const turns = Math.ceil(maxTotalChars / maxTurnLength) + 2;
    for (let i = 0; i < turns; i++) transcript.add({ role: i % 2 ? 'user' : 'assistant', text: 'y'.repeat(maxTurnLength - 1), createdAt: answeredAt + i });
    const total = transcript.entries().reduce((sum, t) => sum + t.text.length, 0);
    expect(total).toBe(maxTotalChars);
  });
});
