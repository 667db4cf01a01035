// The preview route end to end: auth, validation naming the criterion, and the answer's shape. A real user
// on a real database: the handler wrapper resolves the caller's workspace before the route runs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/qualification/preview/route';
import { setAppClock, ManualClock } from '@/lib/clock';
import { transcriptLimits } from '@/shared/transcript-limits';
import { signUp, type TestUser, useTestDb, type TestDb } from '@/test/fixtures';

let db: TestDb;
let rep: TestUser;
beforeAll(async () => {
  db = await useTestDb();
  rep = await signUp('Rep');
});
afterAll(async () => db.drop());

const post = (body: unknown, auth = true) =>
  POST(new Request('http://localhost/api/qualification/preview', { method: 'POST', headers: auth ? { authorization: `Bearer ${rep.token}` } : {}, body: JSON.stringify(body) }));

const criteria = [
  { field: 'budget', operator: '>=', value: 10000, weight: 50 },
  { field: 'decision_maker', operator: '==', value: true, weight: 50 },
];

afterEach(() => setAppClock(undefined));

describe('POST /api/qualification/preview', () => {
  it('refuses a caller who is not signed in', async () => {
    const res = await post({ transcript: [], qualificationCriteria: criteria }, false);
    expect(res.status).toBe(401);
  });

  it('scores a transcript as if the call was answered, storing nothing', async () => {
    setAppClock(new ManualClock('2025-03-11T14:00:00Z'));
    const res = await post({
      transcript: [
        { speaker: 'agent', text: 'What budget do you have?' },
        { speaker: 'lead', text: 'About fifty thousand dollars.', startMs: 1200 },
        { speaker: 'agent', text: 'And you decide?' },
        { speaker: 'lead', text: "I'd need to ask my boss. Call me back Thursday at 3." },
      ],
      qualificationCriteria: criteria,
      minQualificationScore: 70,
      leadTimeZone: 'America/New_York',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      outcome: 'callback_requested',
      score: 50,
      criteria: { budget: 50000, decision_maker: false },
      perCriterion: [
        { field: 'budget', met: true, actual: 50000 },
        { field: 'decision_maker', met: false, actual: false },
      ],
      nextAction: 'callback',
      optOut: false,
      callbackAt: '2025-03-13T19:00:00.000Z',
    });
  });

  it('names the criterion that is wrong', async () => {
    const res = await post({ transcript: [], qualificationCriteria: [{ field: 'budget', operator: '>=', value: 'lots', weight: 10 }] });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'unprocessable', fields: { 'qualificationCriteria.0.value': 'budget is a number field: value must be a number' } } });
  });

  it('refuses a transcript turn from an unknown speaker', async () => {
    const res = await post({ transcript: [{ speaker: 'bot', text: 'hi' }], qualificationCriteria: criteria });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toHaveProperty('transcript.0.speaker');
  });

  // The limits of a two-hour call (shared/transcript-limits.ts); past them the extractor is never run.
  it('refuses a transcript longer than a two-hour call, naming the field', async () => {
    const turns = Array.from({ length: transcriptLimits.maxTurns + 1 }, (_, i) => ({ speaker: i % 2 ? 'lead' : 'agent', text: 'ok' }));
    const res = await post({ transcript: turns, qualificationCriteria: criteria });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.transcript).toMatch(/at most 2000 turns/);
  });

  it('refuses a transcript with more characters than a two-hour call, naming the field', async () => {
    const turn = 'x'.repeat(transcriptLimits.maxTurnChars);
    const turns = Array.from({ length: transcriptLimits.maxTotalChars / transcriptLimits.maxTurnChars + 1 }, (_, i) => ({ speaker: i % 2 ? 'lead' : 'agent', text: turn }));
    const res = await post({ transcript: turns, qualificationCriteria: criteria });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.transcript).toMatch(/at most 150000 characters/);
  });

  it('refuses a turn longer than the limit, naming the turn', async () => {
    const res = await post({ transcript: [{ speaker: 'lead', text: 'x'.repeat(transcriptLimits.maxTurnChars + 1) }], qualificationCriteria: criteria });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toHaveProperty('transcript.0.text');
  });
});
