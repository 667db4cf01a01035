// Call events applied many to a transaction (apply-call-events.ts, and the webhook batches of call-event-batches.ts)
// land exactly where one transaction per event lands: the same calls, the same events stored, the same rollups,
// whatever the duplicates and the order; an event id already stored for another call is a duplicate there too; and a
// source that fails in a batch fails alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, schema } from '@/db';
import { applyCallEvent } from '@/lib/services/calls';
import { applyCallEvents } from '@/lib/services/calls/apply-call-events';
import { applyInNextBatch } from '@/lib/services/calls/call-event-batches';
import { openRecordingUrl, openTranscript } from '@/lib/services/calls/call-personal-data';
import type { CallEvent } from '@/shared/contracts/call-events';
import { useTestDb, type TestDb, insertCampaign, insertUser, leadConsent } from '@/test/fixtures';

let db: TestDb;
beforeAll(async () => {
  db = await useTestDb();
});
afterAll(async () => db.drop());

const CALLS = 12;
const claimedAt = new Date(Date.now() - 10 * 60_000);
const at = (seconds: number) => new Date(claimedAt.getTime() + seconds * 1000);

/** A campaign of CALLS calls being dialled, every one alike; returns the call ids in order. */
async function dialledCalls(side: string): Promise<{ campaignId: string; callIds: string[] }> {
  const ownerId = await insertUser(db.db);
  const campaign = await insertCampaign(db.db, ownerId);
  const leads = await db.db
    .insert(schema.leads)
    .values(Array.from({ length: CALLS }, (_, i) => ({ campaignId: campaign.id, name: `Lead ${i}`, phone: `+1212556${side === 'one' ? 1 : 2}${String(i).padStart(3, '0')}`, timezone: 'America/New_York', status: 'calling' as const, callAttempts: 1, ...leadConsent })))
    .returning();
  const calls = await db.db
    .insert(schema.campaignCalls)
    .values(leads.map((lead, i) => ({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, status: 'calling' as const, phone: lead.phone, roomName: `batch-${side}-${i}`, claimedAt, dialedAt: claimedAt })))
    .returning();
  const byRoom = new Map(calls.map((c) => [c.roomName, c.id]));
  return { campaignId: campaign.id, callIds: leads.map((_, i) => byRoom.get(`batch-${side}-${i}`)!) };
}

/**
 * Every kind of event, duplicated and out of order: answered calls that end and report or record; leads who leave
 * unanswered (the room's provisional word, then the dial's); a dial's answer arriving after the lead left.
 */
function script(callIds: string[], side: string): CallEvent[] {
  const events: CallEvent[] = [];
  callIds.forEach((callId, i) => {
    const id = (name: string) => `${side}:${name}:${i}`;
    events.push({ id: id('ringing'), callId, at: at(1), type: 'ringing' });
    if (i % 3 === 0) {
      events.push({ id: id('left'), callId, at: at(20), type: 'ended', reason: 'no_answer', detail: 'participant_left: CLIENT_INITIATED', provisional: true });
      if (i % 2 === 0) events.push({ id: id('dial-failed'), callId, at: at(21), type: 'ended', reason: 'busy', detail: 'SIP call failed: 486 Busy Here' });
      else events.push({ id: id('answered'), callId, at: at(5), type: 'answered' });
      return;
    }
    events.push({ id: id('answered'), callId, at: at(5), type: 'answered' });
    events.push({ id: id('ended'), callId, at: at(65), type: 'ended', reason: 'completed', detail: 'participant_left: CLIENT_INITIATED' });
    if (i % 3 === 1) events.push({ id: id('report'), callId, at: at(66), type: 'report', transcript: [{ speaker: 'agent', text: 'Hello' }, { speaker: 'lead', text: `Hi, lead ${i}` }] });
    else events.push({ id: id('recording'), callId, at: at(70), type: 'recording', url: `https://recordings.example.com/${i}.ogg` });
  });
  // Every other event twice; then a fixed shuffle (the same for both sides).
  const doubled = events.flatMap((e, i) => (i % 2 === 0 ? [e, e] : [e]));
  let state = 7;
  const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return doubled
    .map((e) => ({ e, k: random() }))
    .sort((a, b) => a.k - b.k)
    .map(({ e }) => e);
}

async function stateOf(campaignId: string, callIds: string[]) {
  const rows = await db.db.select().from(schema.campaignCalls).where(inArray(schema.campaignCalls.id, callIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const calls = callIds.map((id) => {
    const c = byId.get(id)!;
    return {
      status: c.status,
      dialedAt: c.dialedAt?.toISOString(),
      answeredAt: c.answeredAt?.toISOString(),
      endedAt: c.endedAt?.toISOString(),
      durationSeconds: c.durationSeconds,
      endedReason: c.endedReason,
      leaseExpiresAt: c.leaseExpiresAt?.toISOString(),
      transcript: openTranscript(c.transcript),
      recordingUrl: openRecordingUrl(c.recordingUrl),
    };
  });
  const events = await db.db.select({ callId: schema.callEvents.callId, type: schema.callEvents.type }).from(schema.callEvents).where(inArray(schema.callEvents.callId, callIds));
  const eventsPerCall = callIds.map((id) => events.filter((e) => e.callId === id).map((e) => e.type).sort());
  // The rollups as the analytics read them (sums over the campaign's delta rows).
  const counts = rowsOf<{ status: string; calls: string; connected: string; timed: string; duration: string }>(
    await db.db.execute(sql`select status, sum(calls)::text as calls, sum(connected)::text as connected, sum(timed)::text as timed, sum(duration_sum)::text as duration from campaign_call_counts where campaign_id = ${campaignId} group by status having sum(calls) <> 0 order by status`),
  );
  return { calls, eventsPerCall, counts };
}

describe('call events applied many to a transaction', () => {
  it('a batch lands where one transaction per event lands: calls, stored events and rollups alike', async () => {
    const one = await dialledCalls('one');
    const many = await dialledCalls('many');
    const now = new Date();
    let appliedOne = 0;
    for (const event of script(one.callIds, 'one')) if ((await applyCallEvent(db.db, event, { now })).applied) appliedOne++;
    const outcomes = await applyCallEvents(
      db.db,
      script(many.callIds, 'many').map((event) => ({ callId: event.callId, events: () => [event], now })),
    );
    const appliedMany = outcomes.flatMap((o) => o.results).filter((r) => r.applied).length;
    expect(appliedMany).toBe(appliedOne);
    const state = await stateOf(one.campaignId, one.callIds);
    // Not a vacuous match: busy leads, conversations ended with transcripts and recordings, a late answer after the lead left.
    expect(new Set(state.calls.map((c) => c.status))).toEqual(new Set(['busy', 'completed']));
    expect(state.calls.filter((c) => c.transcript).length).toBe(4);
    expect(state.calls.filter((c) => c.recordingUrl).length).toBe(4);
    expect(state.calls[3]).toMatchObject({ status: 'completed', durationSeconds: 15 });
    expect(await stateOf(many.campaignId, many.callIds)).toEqual(state);
  });

  it('an event id already stored for another call is not applied to this one, and the rest of the batch is', async () => {
    const { callIds } = await dialledCalls('taken');
    const now = new Date();
    await applyCallEvent(db.db, { id: 'taken:answered', callId: callIds[0], at: at(5), type: 'answered' }, { now });
    const outcomes = await applyCallEvents(db.db, [
      { callId: callIds[1], events: () => [{ id: 'taken:answered', callId: callIds[1], at: at(5), type: 'answered' }], now },
      { callId: callIds[2], events: () => [{ id: 'taken:ringing', callId: callIds[2], at: at(1), type: 'ringing' }], now },
    ]);
    expect(outcomes.map((o) => o.results.map((r) => r.applied))).toEqual([[false], [true]]);
    const [second] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, callIds[1]));
    expect(second.answeredAt).toBeNull();
  });

  it('a source that fails in a batch fails alone: the others of its batch are applied', async () => {
    const { callIds } = await dialledCalls('together');
    const now = new Date();
    const answered = (i: number) => applyInNextBatch(db.db, { callId: callIds[i], events: (call) => [{ id: `together:answered:${i}`, callId: call.id, at: at(5), type: 'answered' }], now });
    const failing = applyInNextBatch(db.db, {
      callId: callIds[3],
      events: () => {
        throw new Error('a source that cannot be read');
      },
      now,
    });
    const settled = await Promise.allSettled([answered(0), answered(1), failing, answered(2), applyInNextBatch(db.db, { roomName: 'no-such-room', events: () => [], now })]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value.found : null))).toEqual([true, true, null, true, false]);
    const rows = await db.db.select({ id: schema.campaignCalls.id, status: schema.campaignCalls.status }).from(schema.campaignCalls).where(inArray(schema.campaignCalls.id, callIds.slice(0, 4)));
    expect(Object.fromEntries(rows.map((r) => [callIds.indexOf(r.id), r.status]))).toEqual({ 0: 'in_progress', 1: 'in_progress', 2: 'in_progress', 3: 'calling' });
  });
});
