// A dialer process killed mid-batch: after restart nothing is lost and nothing is dialled twice.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { ManualClock } from '@/lib/clock';
import { dialsSettled, processActiveCampaigns, recoverCalls } from '@/lib/services/engine';
import { InProcessTelephony } from '@/test/in-process-telephony';
import { createTestDb, testDriver, type TestDb, insertCampaign, insertUser, leadConsent } from '@/test/fixtures';

describe.runIf(testDriver() === 'postgres')('crash between claim and dial', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(async () => db.drop());

  it('releases claims that were never dialled, fails the ones that were, and dials nobody twice', async () => {
    const ownerId = await insertUser(db.db);
    const campaign = await insertCampaign(db.db, ownerId, { maxConcurrentCalls: 10 });
    await db.db.insert(schema.leads).values(
      Array.from({ length: 30 }, (_, i) => ({ campaignId: campaign.id, name: `Lead ${i}`, phone: `+1212555${String(1000 + i)}`, timezone: 'America/New_York', ...leadConsent })),
    );
    const start = new Date('2026-06-17T15:00:00Z'); // Wednesday 11:00 in New York
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crash-')), 'dials.log');
    fs.writeFileSync(log, '');

    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'test/engine/crash-dialer.ts'],
        { env: { ...process.env, DATABASE_URL: db.url, DIAL_LOG: log, KILL_AFTER: '4', NOW: start.toISOString(), LOG_LEVEL: 'silent' } },
        () => {},
      );
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
    expect(exit.signal).toBe('SIGKILL');

    const dialledBeforeCrash = fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
    expect(dialledBeforeCrash.length).toBe(4);
    const claimed = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));
    expect(claimed.length).toBe(10); // the whole batch was claimed before the crash
    expect(claimed.filter((c) => c.status === 'calling').length).toBeGreaterThanOrEqual(4);

    // Restart: after the claims' leases run out, recovery reconciles with the telephony.
    const clock = new ManualClock(new Date(start.getTime() + 10 * 60_000));
    const telephony = new InProcessTelephony(() => ({ kind: 'no_answer' }), () => clock.now());
    const report = await recoverCalls({ db: db.db, telephony, clock: () => clock.now() });
    expect(report.failed + report.released).toBe(10);
    expect(report.failed).toBe(claimed.filter((c) => c.status === 'calling').length);

    const stuck = await db.db.select().from(schema.leads).where(eq(schema.leads.status, 'calling'));
    expect(stuck).toEqual([]);

    // The engine carries on; every (lead, attempt) is dialled exactly once across both lives.
    for (let i = 0; i < 10; i++) {
      await processActiveCampaigns({ db: db.db, telephony, clock: () => clock.now() });
      await dialsSettled();
      await telephony.deliver(db.db);
      clock.advance(60_000);
    }
    const dialled = [...dialledBeforeCrash.map((l) => l.split('#').slice(0, 2).join('#')), ...telephony.placed.map((p) => `${p.call.lead.id}#${p.call.attemptNumber}`)];
    expect(new Set(dialled).size).toBe(dialled.length);
    const leads = await db.db.select().from(schema.leads).where(eq(schema.leads.campaignId, campaign.id));
    expect(leads.every((l) => l.callAttempts >= 1)).toBe(true);
    // Every dial that went out is on record. A claim marked dialling whose dial may or may not have
    // left counts as an attempt: when unsure, the engine errs towards calling less, never twice.
    const calls = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.campaignId, campaign.id));
    const recorded = new Set(calls.map((c) => `${c.leadId}#${c.attemptNumber}`));
    for (const d of dialled) expect(recorded.has(d)).toBe(true);
    expect(calls.every((c) => c.outcome)).toBe(true);
  }, 120_000);
});
