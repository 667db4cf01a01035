import { describe, expect, it, vi } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import type { QualificationCriterion } from './criteria';
import { offlineExtractor } from './extract/offline/offline-extractor';
import type { Extractor } from './extraction';
import { scoreCall, type ScoreCallInput } from './score-call';

const now = new Date('2025-03-11T14:00:00Z');
const criteria: QualificationCriterion[] = [
  { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 40 },
  { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 40 },
  { field: 'timeline', type: 'string', operator: 'in', value: ['immediate', 'within_month'], weight: 20 },
];
const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const score = (over: Partial<ScoreCallInput>) =>
  scoreCall({ transcript: [], criteria, minQualificationScore: 70, callStatus: 'completed', now, leadTimeZone: 'America/New_York', extractor: offlineExtractor, ...over });

const qualifiedCall = say(
  'A: What budget do you have?',
  'L: About $50k.',
  'A: Do you sign off?',
  "L: Yes, it's my decision.",
  'A: When?',
  'L: This month. Can we set up a demo?',
);

describe('scoreCall', () => {
  it('scores a qualified call, with every criterion met or not', async () => {
    const result = await score({ transcript: qualifiedCall });
    expect(result).toMatchObject({
      outcome: 'qualified',
      score: 100,
      criteria: { budget: 50000, decision_maker: true, timeline: 'within_month' },
      nextAction: 'schedule_demo',
      optOut: false,
      scoredBy: 'offline',
    });
    expect(result.perCriterion).toEqual([
      { field: 'budget', operator: '>=', value: 10000, weight: 40, actual: 50000, met: true },
      { field: 'decision_maker', operator: '==', value: true, weight: 40, actual: true, met: true },
      { field: 'timeline', operator: 'in', value: ['immediate', 'within_month'], weight: 20, actual: 'within_month', met: true },
    ]);
    expect(result.notes).toBe('Qualified, 100/100: budget $50,000; decision maker; buying within a month; wants a demo.');
    expect(result.callbackAt).toBeUndefined();
  });

  it.each([
    ['no_answer', 'no_answer'],
    ['busy', 'no_answer'],
    ['failed', 'failed'],
  ] as const)('a %s dial is not read or scored', async (callStatus, outcome) => {
    const extract = vi.fn();
    const result = await score({ callStatus, transcript: qualifiedCall, extractor: { extract } });
    expect(extract).not.toHaveBeenCalled();
    expect(result).toMatchObject({ outcome, score: null, criteria: { budget: null, decision_maker: null, timeline: null }, nextAction: 'none' });
    expect(result.perCriterion.every((c) => !c.met)).toBe(true);
  });

  it('a machine is voicemail and is not read', async () => {
    const extract = vi.fn();
    const result = await score({ answeringMachine: true, transcript: say('A: Hi, sorry I missed you.'), extractor: { extract } });
    expect(extract).not.toHaveBeenCalled();
    expect(result).toMatchObject({ outcome: 'voicemail', score: null, nextAction: 'none' });
  });

  it('an opt-out the agent reported wins over a qualified conversation', async () => {
    const result = await score({ transcript: qualifiedCall, optOutReported: true });
    expect(result).toMatchObject({ outcome: 'not_interested', optOut: true, nextAction: 'do_not_call' });
  });

  it('a call-back time the agent reported wins over one read from the transcript', async () => {
    const reported = new Date('2025-03-20T15:00:00Z');
    const result = await score({ transcript: say("L: I'm driving. Call me back Thursday at 3."), callbackAtReported: reported });
    expect(result).toMatchObject({ outcome: 'callback_requested', nextAction: 'callback', callbackAt: reported });
  });

  it('reads "Thursday at 3" in the lead’s zone', async () => {
    const result = await score({ transcript: say("L: I'm driving. Call me back Thursday at 3.") });
    expect(result.callbackAt?.toISOString()).toBe('2025-03-13T19:00:00.000Z');
    const inLondon = await score({ transcript: say("L: I'm driving. Call me back Thursday at 3."), leadTimeZone: 'Europe/London' });
    expect(inLondon.callbackAt?.toISOString()).toBe('2025-03-13T15:00:00.000Z');
  });

  it('keeps no call-back time after an opt-out', async () => {
    const result = await score({ transcript: say("L: Call me back Thursday at 3. Actually no, take me off your list.") });
    expect(result).toMatchObject({ outcome: 'not_interested', optOut: true });
    expect(result.callbackAt).toBeUndefined();
  });

  it('does not score a wrong number', async () => {
    const result = await score({ transcript: say('A: Is this Jordan?', 'L: Wrong number.') });
    expect(result).toMatchObject({ outcome: 'wrong_number', score: null, nextAction: 'none' });
  });

  it('with no criteria, the score is null and interest decides', async () => {
    const result = await score({ criteria: [], transcript: say('L: Sounds good, book me a demo.') });
    expect(result).toMatchObject({ outcome: 'qualified', score: null, criteria: {}, perCriterion: [] });
  });

  it('uses the campaign’s next actions', async () => {
    const result = await score({ transcript: qualifiedCall, nextActions: { qualified: 'send_proposal' } });
    expect(result.nextAction).toBe('send_proposal');
  });

  it('reports which extractor scored the call', async () => {
    const ai: Extractor = { extract: async (r) => ({ ...(await offlineExtractor.extract(r)), scoredBy: 'ai' }) };
    expect((await score({ transcript: qualifiedCall, extractor: ai })).scoredBy).toBe('ai');
  });
});

describe('an AI-scored call the offline rules read differently', () => {
  // The AI says "not interested"; the offline rules, run beside it, read the same words as qualified.
  const aiSaysNo: Extractor = {
    extract: async (request) => {
      const offline = await offlineExtractor.extract(request);
      return {
        fields: { budget: null, decision_maker: null, timeline: null },
        signals: { ...offline.signals, notInterested: true },
        scoredBy: 'ai',
        offlineReading: { fields: offline.fields, signals: offline.signals },
      };
    },
  };

  it('keeps the AI outcome and notes what the offline extractor read', async () => {
    const result = await score({ transcript: qualifiedCall, extractor: aiSaysNo });
    expect(result.outcome).toBe('not_interested');
    expect(result.offlineOutcome).toBe('qualified');
    expect(result.notes).toContain('the offline extractor read qualified');
  });

  it('says nothing when they agree', async () => {
    const agreeing: Extractor = { extract: async (r) => ({ ...(await offlineExtractor.extract(r)), scoredBy: 'ai', offlineReading: await offlineExtractor.extract(r) }) };
    const result = await score({ transcript: qualifiedCall, extractor: agreeing });
    expect(result.outcome).toBe('qualified');
    expect(result.offlineOutcome).toBeUndefined();
    expect(result.notes).not.toContain('offline extractor');
  });
});
