// Four executors on their own connections race over the same campaigns: no lead is claimed
// twice for one attempt and no campaign ever has more calls in flight than it allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openPostgres, schema, type DbHandle } from '@/db';
import { ManualClock } from '@/lib/clock';
import { applyCallEvent } from '@/lib/services/calls';
import { dialsSettled, processActiveCampaigns } from '@/lib/services/engine';
import type { CallContext, PlacedCall, RemoteCallState, Telephony } from '@/lib/telephony/types';
import { createTestDb, testDriver, type TestDb, insertCampaign, insertUser, leadConsent } from '@/test/fixtures';
import { everyHourOfEveryDay } from '@/shared/contracts/campaign-config';

const LEADS_PER_CAMPAIGN = 2500;
const MAX_CONCURRENT = 10;

/** Counts calls live per campaign; each call hangs up (no answer) a few milliseconds later. */
class RacingTelephony implements Telephony {
  readonly name = 'racing';
  readonly dials: string[] = [];
  private endings: Promise<void>[] = [];
  constructor(
    private readonly db: DbHandle['db'],
    private readonly clock: () => Date,
    // Shared by all four workers: calls live per campaign right now, and the most ever seen.
    private readonly live: Map<string, number>,
    readonly maxLive: Map<string, number>,
  ) {}
  async placeCall(call: CallContext & { roomName: string }): Promise<PlacedCall> {
    this.dials.push(`${call.lead.id}#${call.attemptNumber}`);
    const live = (this.live.get(call.campaign.id) ?? 0) + 1;
    this.live.set(call.campaign.id, live);
    this.maxLive.set(call.campaign.id, Math.max(live, this.maxLive.get(call.campaign.id) ?? 0));
    await new Promise((r) => setTimeout(r, 2 + Math.random() * 8));
    this.endings.push(
      (async () => {
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
        // The slot is given back here before the database frees it, so this count never undercounts.
        this.live.set(call.campaign.id, this.live.get(call.campaign.id)! - 1);
        const result = await applyCallEvent(this.db, { id: `end:${call.callId}`, callId: call.callId, at: this.clock(), type: 'ended', reason: 'no_answer' }, { now: this.clock() });
        await result.followUp?.();
      })(),
    );
    return { roomName: call.roomName };
  }
  async drain() {
    await Promise.all(this.endings);
  }
  async getCallState(): Promise<RemoteCallState> {
    return 'unknown';
  }
  async hangUp() {}
}

describe.runIf(testDriver() === 'postgres')('four executors in parallel on Postgres', () => {
  let db: TestDb;
  const workers: DbHandle[] = [];
  beforeAll(async () => {
    db = await createTestDb();
    for (let i = 0; i < 4; i++) workers.push(await openPostgres(db.url!, { max: 4 }));
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await db.drop();
  });

  it('claims each lead at most once per attempt and never exceeds maxConcurrentCalls', async () => {
    const ownerId = await insertUser(db.db);
    const campaigns = [];
    for (let c = 0; c < 2; c++) {
      const campaign = await insertCampaign(db.db, ownerId, {
        timezone: 'America/New_York',
        callWindows: everyHourOfEveryDay,
        maxConcurrentCalls: MAX_CONCURRENT,
        maxCallsPerDay: 100_000,
      });
      const rows = Array.from({ length: LEADS_PER_CAMPAIGN }, (_, i) => ({
        campaignId: campaign.id,
        name: `Lead ${c}-${i}`,
        phone: `+1212${String(2000000 + c * 100000 + i).padStart(7, '0')}`,
        timezone: 'America/New_York',
        ...leadConsent,
      }));
      for (let i = 0; i < rows.length; i += 1000) await db.db.insert(schema.leads).values(rows.slice(i, i + 1000));
      campaigns.push(campaign);
    }

    const clock = new ManualClock('2026-06-17T19:00:00Z'); // Wednesday 15:00 in New York
    const live = new Map<string, number>();
    const maxLive = new Map<string, number>();
    const telephonies = workers.map((w) => new RacingTelephony(w.db, () => clock.now(), live, maxLive));
    const pendingLeads = async () =>
      Number((await db.db.select({ n: sql<number>`count(*)::int` }).from(schema.leads).where(eq(schema.leads.status, 'pending')))[0].n);

    await Promise.all(
      workers.map(async (worker, i) => {
        for (let round = 0; round < 5000 && (await pendingLeads()) > 0; round++) {
          await processActiveCampaigns({ db: worker.db, telephony: telephonies[i], clock: () => clock.now() });
          await dialsSettled();
        }
      }),
    );
    await Promise.all(telephonies.map((t) => t.drain()));

    const dials = telephonies.flatMap((t) => t.dials);
    expect(dials).toHaveLength(2 * LEADS_PER_CAMPAIGN);
    expect(new Set(dials).size).toBe(dials.length);
    // Every worker took part.
    for (const t of telephonies) expect(t.dials.length).toBeGreaterThan(0);
    for (const campaign of campaigns) {
      expect(maxLive.get(campaign.id)).toBeGreaterThan(1);
      expect(maxLive.get(campaign.id)).toBeLessThanOrEqual(MAX_CONCURRENT);
    }
    const [{ calls, leads }] = await db.db
      .select({ calls: sql<number>`count(*)::int`, leads: sql<number>`count(distinct lead_id)::int` })
      .from(schema.campaignCalls);
    expect(Number(calls)).toBe(2 * LEADS_PER_CAMPAIGN);
    expect(Number(leads)).toBe(2 * LEADS_PER_CAMPAIGN);
  }, 600_000);
});
