import { describe, expect, it } from 'vitest';
import { callReport, initialCallState, leadHungUp } from './call-state';
import type { TranscriptTurn } from './report-client';

const transcript: TranscriptTurn[] = [
  { speaker: 'agent', text: 'Hi, am I speaking with Jane Doe?', startMs: 0 },
  { speaker: 'lead', text: 'Speaking.', startMs: 1800 },
];

describe('the call report', () => {
  it('carries the transcript and says nobody opted out or left a machine', () => {
    expect(callReport(initialCallState(), transcript)).toEqual({ transcript, answeringMachine: false, optOut: false });
  });

  it('puts recorded answers, the callback and the reason in the summary and fields', () => {
    const state = { ...initialCallState(), answers: { budget: 50000, decision_maker: true, tools: ['Salesforce', 'Excel'] }, callbackAt: '2025-06-04T19:00:00.000Z', endedReason: 'callback_requested' };
    expect(callReport(state, transcript)).toEqual({
      transcript,
      answeringMachine: false,
      optOut: false,
      callbackAt: '2025-06-04T19:00:00.000Z',
      summary: 'Callback agreed for 2025-06-04T19:00:00.000Z. Answers: budget = 50000; decision_maker = yes; tools = Salesforce, Excel.',
      endedReason: 'callback_requested',
    });
  });

  it("keeps the lead's words when no callback time was agreed", () => {
    const report = callReport({ ...initialCallState(), callbackRequest: 'after the holidays' }, []);
    expect(report.callbackAt).toBeUndefined();
    expect(report.summary).toBe('The lead asked to be called back: "after the holidays" (no exact time agreed).');
  });

  it('reports an opt-out and a voicemail', () => {
    expect(callReport({ ...initialCallState(), optOut: true, endedReason: 'opt_out' }, [])).toMatchObject({ optOut: true, endedReason: 'opt_out', summary: 'The lead asked not to be called again.' });
    expect(callReport({ ...initialCallState(), answeringMachine: true, voicemailLeft: true, endedReason: 'voicemail' }, [])).toMatchObject({ answeringMachine: true, summary: "Answering machine: left the campaign's voicemail message." });
  });
});

describe('a lead who hangs up', () => {
  it('ends the call as lead_hung_up when the agent had not ended it', () => {
    expect(leadHungUp(initialCallState()).endedReason).toBe('lead_hung_up');
  });

  it('does not overwrite how the agent ended it', () => {
    expect(leadHungUp({ ...initialCallState(), endedReason: 'opt_out' }).endedReason).toBe('opt_out');
  });
});
