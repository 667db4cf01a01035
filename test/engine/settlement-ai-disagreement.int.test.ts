// Settlement and the preview API score with the one default extractor, and when the AI and the offline
// rules read a call's outcome differently the settled call keeps both: the AI's as its outcome, the
// offline one in its notes and in `qualification.offlineOutcome` (the call's and the lead's).
import { describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@/db';
import { applyCallEvent, settleCall } from '@/lib/services/calls';
import { previewQualification } from '@/lib/services/qualification/preview-qualification';
import { extractOffline } from '@/lib/services/qualification/extract/offline/offline-extractor';
import { noSignals, type Extractor } from '@/lib/services/qualification/extraction';
import { insertCampaign, insertUser, insertDialledCall, apiFixtures } from '@/test/fixtures';
import type { CallEvent } from '@/shared/contracts/call-events';

// A stand-in for the AI: it hears a call-back request where the offline rules hear a refusal, and carries
// the offline reading beside its own, as the real AI extractor does.
const calls: string[] = [];
const standInAi: Extractor = {
  extract: async (request) => {
    calls.push(request.transcript.map((t) => t.text).join(' '));
    return { fields: extractOffline(request).fields, signals: { ...noSignals, callbackRequested: true }, scoredBy: 'ai', offlineReading: extractOffline(request) };
  },
};
vi.mock('@/lib/services/qualification/extract/default-extractor', () => ({ defaultExtractor: () => standInAi }));

const { db } = apiFixtures();

const transcript = [
  { speaker: 'agent' as const, text: 'Hi, is this Dana? Following up on the demo you looked at.' },
  { speaker: 'lead' as const, text: "oh yeah we went with another vendor last month so we're all set" },
];

describe('an AI-scored call the offline rules read otherwise', () => {
  it('is settled with the AI outcome and notes the offline one, as the preview scores it', async () => {
    const ownerId = await insertUser(db.db);
    const campaign = await insertCampaign(db.db, ownerId);
    const claimedAt = new Date(Date.now() - 10 * 60_000);
    const { lead, call } = await insertDialledCall(db.db, campaign.id, { claimedAt, roomPrefix: 'ai', lead: { name: 'Dana Scully', phone: '+12125553101', timezone: 'America/New_York' } });
    const at = (seconds: number) => new Date(claimedAt.getTime() + seconds * 1000);
    const events: CallEvent[] = [
      { id: `answered:${call.id}`, callId: call.id, at: at(5), type: 'answered' },
      { id: `report:${call.id}`, callId: call.id, at: at(60), type: 'report', transcript },
      { id: `ended:${call.id}`, callId: call.id, at: at(55), type: 'ended', reason: 'completed' },
    ];
    for (const event of events) await (await applyCallEvent(db.db, event, { now: new Date() })).followUp?.();
    await settleCall(db.db, { callId: call.id, now: new Date() });

    const [row] = await db.db.select().from(schema.campaignCalls).where(eq(schema.campaignCalls.id, call.id));
    const [leadRow] = await db.db.select().from(schema.leads).where(eq(schema.leads.id, lead.id));
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(row.scoredBy).toBe('ai');
    expect(row.outcome).toBe('callback_requested');
    expect(row.outcomeNote).toContain('The AI read callback_requested; the offline extractor read not_interested.');
    expect(row.qualification).toMatchObject({ offlineOutcome: 'not_interested' });
    expect(leadRow.qualification).toMatchObject({ offlineOutcome: 'not_interested' });

    // The preview API's service, given the same transcript and criteria, goes through the same extractor.
    const before = calls.length;
    const preview = await previewQualification({ transcript, qualificationCriteria: campaign.config.qualificationCriteria, minQualificationScore: campaign.config.minQualificationScore, leadTimeZone: 'America/New_York' });
    expect(calls.length).toBe(before + 1);
    expect(preview).toMatchObject({ outcome: 'callback_requested', scoredBy: 'ai', offlineOutcome: 'not_interested' });
  });
});
