// AutoDialer, step two: dial the claimed calls. No transaction is held across the network
// call; each step is recorded so a crash anywhere is reconciled by recovery.
import { eq } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import type { CampaignRow } from '@/lib/services/campaigns';
import { applyCallEvent } from '@/lib/services/calls/apply-call-event';
import { DialError, isDialError, type CallContext, type Telephony } from '@/lib/telephony/types';
import { logger } from '@/lib/logger';
import { releaseClaim, type ClaimedCall } from './claim-leads';

export type DialSummary = { dialed: number; failed: number; rateLimited: boolean; retryAfterMs?: number; unavailable?: string };

function callContext(campaign: CampaignRow, claim: ClaimedCall): CallContext & { roomName: string } {
  const c = campaign.config;
  // The claim decided the recording per lead: an all-party-consent state hears the disclosure first, or,
  // with no disclosure line configured, is not recorded at all.
  const recorded = claim.recording.decision === 'disclosed' || claim.recording.decision === 'recorded_one_party';
  return {
    callId: claim.callId,
    attemptNumber: claim.attemptNumber,
    roomName: claim.roomName,
    campaign: {
      id: campaign.id,
      name: campaign.name,
      agentName: c.agentName,
      scriptGuidance: c.scriptGuidance,
      callerId: c.callerId,
      recordCalls: recorded,
      recordingDisclosure: c.recordingDisclosure,
      recordingDisclosureFirst: claim.recording.decision === 'disclosed',
      voicemailMessage: c.voicemailMessage,
      qualificationCriteria: c.qualificationCriteria,
      minQualificationScore: c.minQualificationScore,
    },
    lead: {
      id: claim.lead.id,
      name: claim.lead.name,
      company: claim.lead.company,
      phone: claim.lead.phone,
      timezone: claim.lead.timezone,
      context: claim.lead.context,
    },
  };
}

const failureReason = { busy: 'busy', no_answer: 'no_answer', failed: 'failed', invalid_number: 'invalid_number' } as const;

async function dialOne(db: Db, telephony: Telephony, campaign: CampaignRow, claim: ClaimedCall, clock: () => Date): Promise<'dialed' | 'failed' | DialError> {
  try {
    await applyCallEvent(db, { id: `dial:${claim.callId}`, callId: claim.callId, at: clock(), type: 'dialing' }, { now: clock() });
    const placed = await telephony.placeCall(callContext(campaign, claim));
    await db
      .update(schema.campaignCalls)
      .set({ sipCallId: placed.sipCallId ?? null, participantIdentity: placed.participantIdentity ?? null })
      .where(eq(schema.campaignCalls.id, claim.callId));
    if (placed.answeredAt) {
      await applyCallEvent(db, { id: `answered:${claim.callId}`, callId: claim.callId, at: placed.answeredAt, type: 'answered' }, { now: clock() });
    }
    return 'dialed';
  } catch (error) {
    if (!isDialError(error)) {
      logger.error('dial threw an unexpected error', { callId: claim.callId, error: String(error) });
      error = new DialError('failed', error instanceof Error ? error.message : String(error));
    }
    const dialError = error as DialError;
    if (dialError.kind === 'rate_limited' || dialError.kind === 'unavailable') return dialError;
    const result = await applyCallEvent(
      db,
      { id: `dial-failed:${claim.callId}`, callId: claim.callId, at: clock(), type: 'ended', reason: failureReason[dialError.kind], detail: dialError.message },
      { now: clock() },
    );
    await result.followUp?.();
    return 'failed';
  }
}

/** Dials every claim at once; a rate limit or an unavailable agent gives the undialled claims back. */
export async function placeCalls(db: Db, telephony: Telephony, campaign: CampaignRow, claims: ClaimedCall[], clock: () => Date): Promise<DialSummary> {
  const results = await Promise.all(claims.map((claim) => dialOne(db, telephony, campaign, claim, clock)));
  const summary: DialSummary = { dialed: 0, failed: 0, rateLimited: false };
  for (const [i, result] of results.entries()) {
    if (result === 'dialed') summary.dialed++;
    else if (result === 'failed') summary.failed++;
    else {
      // Not placed: the attempt is given back so the lead is not charged for it.
      await db.update(schema.campaignCalls).set({ status: 'pending' }).where(eq(schema.campaignCalls.id, claims[i].callId));
      await releaseClaim(db, { callId: claims[i].callId, now: clock() });
      if (result.kind === 'rate_limited') {
        summary.rateLimited = true;
        summary.retryAfterMs = Math.max(summary.retryAfterMs ?? 0, result.retryAfterMs ?? 0);
      } else summary.unavailable = result.message;
    }
  }
  return summary;
}
