// The telephony drill: LiveKit unreachable, or not answering, for more than two minutes of a running
// campaign. The real SDK talks to a port nobody listens on, or to a server that never answers. The
// campaign throttles, then pauses with a notification; nothing is marked called that was not.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { ManualClock } from '@/lib/clock';
import { dialsSettled, processActiveCampaigns } from '@/lib/services/engine';
import { engineTiming } from '@/lib/services/engine/timing';
import { liveKitCredentials, reportTokenSecret } from '@/lib/telephony';
import { LiveKitTelephony } from '@/lib/telephony/livekit';
import { useTestDb, type TestDb, insertCampaign, insertLeads, insertUser } from '@/test/fixtures';

let db: TestDb;
const silent = http.createServer(() => {}); // accepts every request and never answers
beforeAll(async () => {
  db = await useTestDb();
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
  await db.drop();
});

async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Runs the executor every 10 s of campaign time for three minutes, or until the campaign leaves 'active'. */
async function runThroughTrouble(url: string, requestTimeoutSeconds?: number) {
  const ownerId = await insertUser(db.db);
  const campaign = await insertCampaign(db.db, ownerId, { maxConcurrentCalls: 5, maxCallsPerLead: 3 });
  await insertLeads(db.db, campaign.id, 20);
  const clock = new ManualClock('2026-06-17T15:00:00Z'); // a Wednesday, 11:00 in New York
  const telephony = new LiveKitTelephony({ url, ...liveKitCredentials(), sipTrunkId: 'ST_drill', defaultAgentName: 'outbound-caller', appUrl: 'http://127.0.0.1:1', reportTokenSecret: reportTokenSecret(), requestTimeoutSeconds, clock });
  const deps = { db: db.db, telephony, clock: () => clock.now() };
  const seen: { at: number; status: string; throttled: boolean }[] = [];
  for (let elapsed = 0; elapsed <= 180_000; elapsed += 10_000) {
    await processActiveCampaigns(deps);
    await dialsSettled();
    const [row] = await db.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, campaign.id));
    seen.push({ at: elapsed, status: row.status, throttled: !!row.throttledUntil && row.throttledUntil > clock.now() });
    if (row.status !== 'active') break;
    clock.advance(10_000);
  }
  const notes = await db.db.select().from(schema.notifications).where(eq(schema.notifications.campaignId, campaign.id));
  const leads = await db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id));
  const calls = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));
  return { seen, notes, leads, calls };
}

describe('LiveKit in trouble for more than two minutes', () => {
  it('unreachable: the campaign throttles, then pauses with a notification, and no lead is charged an attempt', async () => {
    const { seen, notes, leads, calls } = await runThroughTrouble(await closedPortUrl());
    expect(seen[0]).toMatchObject({ status: 'active', throttled: true });
    const pausedAt = seen.find((s) => s.status === 'paused')?.at;
    expect(pausedAt).toBeGreaterThanOrEqual(engineTiming.telephonyTroublePauseMs);
    expect(pausedAt).toBeLessThanOrEqual(engineTiming.telephonyTroublePauseMs + engineTiming.telephonyTroubleThrottleMs + 10_000);
    expect(notes.map((n) => n.kind)).toEqual(['paused_telephony_trouble']);
    expect(notes[0].message).toMatch(/unreachable or not answering/);
    // Nothing was dialled, so nothing is on record as called.
    expect(calls).toEqual([]);
    expect(leads.every((l) => l.status === 'pending' && l.callAttempts === 0 && l.lastCalledAt === null)).toBe(true);
  });

  it('not answering: the same pause; attempts whose request went out count as failed, never as calls made', async () => {
    const { port } = silent.address() as AddressInfo;
    const { seen, notes, leads, calls } = await runThroughTrouble(`http://127.0.0.1:${port}`, 1);
    expect(seen.find((s) => s.status === 'paused')?.at).toBeGreaterThanOrEqual(engineTiming.telephonyTroublePauseMs);
    expect(notes.map((n) => n.kind)).toEqual(['paused_telephony_trouble']);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect({ status: call.status, answered: call.answeredAt, reason: call.endedReason }).toEqual({ status: 'failed', answered: null, reason: expect.stringMatching(/did not answer in time/) });
    }
    // The throttle keeps the campaign from spending every lead's attempts while LiveKit is silent.
    expect(calls.length).toBeLessThan(leads.length * 3);
    expect(leads.filter((l) => l.callAttempts > 0)).toHaveLength(new Set(calls.map((c) => c.leadId)).size);
  });
});
