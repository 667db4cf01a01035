// The claim's lock on its campaign must not hold up the campaign's calls: a call's end (an update whose rollup trigger
// writes rows referencing the campaign) goes through while a claim of the same campaign is in its transaction.
// Postgres only: PGlite serves one connection, so nothing there runs beside an open transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, schema } from '@/db';
import { applyCallEvent } from '@/lib/services/calls/apply-call-event';
import { lockActiveCampaign } from '@/lib/services/engine/claim-leads';
import { testDriver, useTestDb, type TestDb, insertCampaign, insertLeads, insertUser } from '@/test/fixtures';

let db: TestDb;
beforeAll(async () => {
  db = await useTestDb();
});
afterAll(async () => db.drop());

/** Backends of this database waiting on a lock right now. */
async function lockWaiters(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`));
  return row.n;
}

describe.skipIf(testDriver() !== 'postgres')('the claim’s campaign lock', () => {
  it('lets a call of the campaign end while a claim holds it', async () => {
    const owner = await insertUser(db.db);
    const campaign = await insertCampaign(db.db, owner);
    const [lead] = await insertLeads(db.db, campaign.id, 1);
    const now = new Date();
    const [call] = await db.db
      .insert(schema.campaignCalls)
      .values({ campaignId: campaign.id, leadId: lead.id, attemptNumber: 1, phone: lead.phone, status: 'in_progress', claimedAt: new Date(now.getTime() - 120_000), dialedAt: new Date(now.getTime() - 110_000), answeredAt: new Date(now.getTime() - 100_000) })
      .returning();

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const claim = db.db.transaction(async (tx) => {
      expect(await lockActiveCampaign(tx, campaign.id)).toBeDefined();
      locked();
      await held;
    });
    await isLocked;

    let ended = false;
    const end = applyCallEvent(db.db, { id: `end-${call.id}`, callId: call.id, at: now, type: 'ended', reason: 'completed' }, { now }).then((r) => {
      ended = true;
      return r;
    });
    // Either the end commits, or it is seen waiting on a lock (then the claim lets go, so the test ends either way).
    let waited = false;
    while (!ended && !waited) waited = (await lockWaiters()) > 0;
    release();
    await claim;
    const result = await end;
    expect(waited, 'the call’s end waited for the claim’s lock').toBe(false);
    expect(result.applied).toBe(true);
    const [after] = await db.db.select({ status: schema.campaignCalls.status }).from(schema.campaignCalls).where(eq(schema.campaignCalls.id, call.id));
    expect(after.status).toBe('completed');
  });
});
