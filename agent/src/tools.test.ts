import { describe, expect, it } from 'vitest';
import { initialCallState } from './call-state';
import { sampleMetadata } from './test-fixtures';
import { detectedAnsweringMachine, endCall, optOut, optOutGoodbye, recordAnswer, scheduleCallback } from './tools';

const criteria = sampleMetadata().qualification_criteria.criteria;
const fresh = initialCallState();

describe('record_answer', () => {
  it.each([
    ['budget', '50000', 50000],
    ['budget', '$50,000', 50000],
    ['budget', '50k', 50000],
    ['budget', '1.5 million', 1500000],
    ['budget', 75000, 75000],
    ['decision_maker', 'yes', true],
    ['decision_maker', 'Nope.', false],
    ['decision_maker', false, false],
    ['timeline', '  this quarter ', 'this quarter'],
    ['tools', 'Salesforce, HubSpot and Excel', ['Salesforce', 'HubSpot', 'Excel']],
    ['tools', ['Salesforce'], ['Salesforce']],
  ])('%s answered %j is recorded as %j', (field, value, recorded) => {
    const outcome = recordAnswer(fresh, criteria, { field, value });
    expect(outcome.kind).toBe('continue');
    expect(outcome.state.answers[field]).toEqual(recorded);
  });

  it.each([
    ['budget', 'a lot', /budget is a number field/],
    ['budget', 'fifty thousand', /expected a number/],
    ['decision_maker', 'maybe', /expected yes or no/],
    ['timeline', '   ', /empty/],
    ['tools', ' , ', /list is empty/],
  ])('%s answered %j is rejected for its type, and nothing is recorded', (field, value, error) => {
    const outcome = recordAnswer(fresh, criteria, { field, value });
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind === 'rejected') expect(outcome.error).toMatch(error);
    expect(outcome.state).toBe(fresh);
  });

  it('rejects a field the campaign does not ask about, listing the ones it does', () => {
    const outcome = recordAnswer(fresh, criteria, { field: 'shoe_size', value: '42' });
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind === 'rejected') expect(outcome.error).toBe('Unknown field "shoe_size". Record one of: budget, decision_maker, timeline, tools.');
  });

  it('tells the model what is still to find out, then that everything is answered', () => {
    const first = recordAnswer(fresh, criteria, { field: 'budget', value: '20000' });
    expect(first.kind === 'continue' && first.reply).toBe('Recorded budget. Still to find out: decision_maker, timeline, tools.');
    let state = first.state;
    for (const [field, value] of [['decision_maker', 'yes'], ['timeline', 'now'], ['tools', 'salesforce']]) state = recordAnswer(state, criteria, { field, value }).state;
    const last = recordAnswer(state, criteria, { field: 'budget', value: '30000' });
    expect(last.kind === 'continue' && last.reply).toBe('Recorded budget. Every question is answered.');
    expect(last.state.answers.budget).toBe(30000);
  });
});

describe('detected_answering_machine', () => {
  it("leaves the campaign's voicemail message, then hangs up", () => {
    const outcome = detectedAnsweringMachine(fresh, sampleMetadata());
    expect(outcome).toMatchObject({ kind: 'hang_up', say: 'Hi Jane, this is Alex from RouteCo. I will try you again soon.' });
    expect(outcome.state).toMatchObject({ answeringMachine: true, voicemailLeft: true, endedReason: 'voicemail' });
  });

  it.each([null, undefined, '  '])('hangs up without a word when the voicemail message is %j', (message) => {
    const outcome = detectedAnsweringMachine(fresh, { voicemail_message: message });
    expect(outcome.kind).toBe('hang_up');
    expect(outcome.kind === 'hang_up' && outcome.say).toBeUndefined();
    expect(outcome.state).toMatchObject({ answeringMachine: true, voicemailLeft: false, endedReason: 'voicemail' });
  });
});

describe('opt_out', () => {
  it('sets the opt-out flag and ends the call with a polite goodbye', () => {
    const outcome = optOut(fresh);
    expect(outcome).toMatchObject({ kind: 'hang_up', say: optOutGoodbye });
    expect(outcome.state).toMatchObject({ optOut: true, endedReason: 'opt_out' });
  });

  it('keeps opt_out as the reason even if the model calls end_call afterwards', () => {
    const outcome = endCall(optOut(fresh).state, { reason: 'not_interested' });
    expect(outcome.state.endedReason).toBe('opt_out');
  });
});

describe('schedule_callback', () => {
  // Tuesday 3 June 2025, 14:05 in New York (EDT, UTC-4).
  const context = { now: new Date('2025-06-03T18:05:00Z'), timeZone: 'America/New_York' };

  it.each([
    ['2025-06-04T15:00:00-04:00', '2025-06-04T19:00:00.000Z'],
    ['2025-06-04T15:00', '2025-06-04T19:00:00.000Z'],
    ['tomorrow at 3pm', '2025-06-04T19:00:00.000Z'],
    ['Friday morning', '2025-06-06T13:00:00.000Z'],
    ['in two hours', '2025-06-03T20:05:00.000Z'],
  ])('"%s" is a callback at %s', (when, at) => {
    const outcome = scheduleCallback(fresh, { when }, context);
    expect(outcome.kind).toBe('continue');
    expect(outcome.state.callbackAt).toBe(at);
  });

  it('keeps the lead\'s words when they name no time, and asks the model to pin one down', () => {
    const outcome = scheduleCallback(fresh, { when: 'sometime after the holidays' }, context);
    expect(outcome.kind).toBe('continue');
    expect(outcome.state).toMatchObject({ callbackAt: null, callbackRequest: 'sometime after the holidays' });
    expect(outcome.kind === 'continue' && outcome.reply).toMatch(/ask for a day and time/);
  });

  it('rejects a time already past', () => {
    const outcome = scheduleCallback(fresh, { when: '2025-06-03T09:00' }, context);
    expect(outcome.kind).toBe('rejected');
    expect(outcome.state).toBe(fresh);
  });
});

describe('end_call', () => {
  it('hangs up and records the reason', () => {
    const outcome = endCall(fresh, { reason: 'not_interested' });
    expect(outcome).toMatchObject({ kind: 'hang_up', state: { endedReason: 'not_interested' } });
    expect(outcome.kind === 'hang_up' && outcome.say).toBeUndefined();
  });

  it('rejects a reason it does not know', () => {
    expect(endCall(fresh, { reason: 'bored' }).kind).toBe('rejected');
  });
});
