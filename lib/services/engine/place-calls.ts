// Dialling, step two (after claim-leads.ts): dial the claimed calls. Each dial is recorded as dialling, then its request
// goes out in the background: the executor never waits on a ringing phone (LiveKit holds the request
// until the callee answers), it only holds the campaign's line. No transaction is held across the
// network call; each step is recorded so a crash anywhere is reconciled by recovery.
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { schema, type Db } from '@/db';
import { engineTransition, type CampaignRow } from '@/lib/services/campaigns';
import { applyCallEvent } from '@/lib/services/calls/apply-call-event';
import { isDialError, type CallContext, type DialError, type Telephony } from '@/lib/telephony/types';
import { logger, type Logger } from '@/lib/logger';
import type { CallEvent } from '@/shared/contracts/call-events';
import { openLeadContext } from '@/lib/services/leads/lead-context';
import { releaseClaim, type ClaimedCall } from './claim-leads';
import { returnDialSlots, runInDialSlot } from './dial-capacity';
import { engineTiming } from './timing';

export type DialStart = { started: number; givenBack: number };

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
      context: openLeadContext(claim.lead.context),
    },
  };
}

const failureReason = { busy: 'busy', no_answer: 'no_answer', failed: 'failed', invalid_number: 'invalid_number', timed_out: 'failed' } as const;

/** What a dial that reached the telephony and failed becomes: its SIP answer decides how an unanswered call ended. */
export type DialFailure = { kind: keyof typeof failureReason; message: string };

export function dialFailedEvent(callId: string, error: DialFailure, at: Date): CallEvent {
  return { id: `dial-failed:${callId}`, callId, at, type: 'ended', reason: failureReason[error.kind], detail: error.message };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Gives a claim back: no dial left for it, so its lead is not charged the attempt. Retried a few
 * times because the usual reason is the database itself going away (a restart between claim and
 * dial); if it stays away, recovery gives the claim back once its lease runs out.
 */
async function giveBack(db: Db, callId: string, clock: () => Date, log: Logger): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db
        .update(schema.campaignCalls)
        .set({ status: 'pending' })
        .where(and(eq(schema.campaignCalls.id, callId), or(eq(schema.campaignCalls.status, 'pending'), eq(schema.campaignCalls.status, 'calling'))));
      await releaseClaim(db, { callId, now: clock() });
      return;
    } catch (error) {
      if (attempt >= 4) {
        log.error('could not give a claim back; recovery will once its lease runs out', { error: errorText(error) });
        return;
      }
      await pause(250 * 2 ** attempt);
    }
  }
}

/** LiveKit said "not now" (rate limited) or "cannot" (agent or trunk missing): the campaign throttles or pauses. */
async function reactToRefusal(db: Db, campaign: CampaignRow, refusal: DialError, clock: () => Date, log: Logger): Promise<void> {
  const now = clock();
  if (refusal.kind === 'rate_limited') {
    const until = new Date(now.getTime() + (refusal.retryAfterMs || engineTiming.defaultThrottleMs));
    // Only ever pushed later: several refused dials of one batch agree on the latest moment.
    await db
      .update(schema.campaigns)
      .set({ throttledUntil: until })
      .where(and(eq(schema.campaigns.id, campaign.id), or(isNull(schema.campaigns.throttledUntil), lt(schema.campaigns.throttledUntil, until))));
    log.warn('telephony rate limited; throttling campaign', { until: until.toISOString() });
    return;
  }
  await engineTransition(db, {
    campaignId: campaign.id,
    from: 'active',
    to: 'paused',
    reason: `Paused: the calling agent or telephony is unavailable (${refusal.message}). Check the LiveKit settings, then resume.`,
    notificationKind: 'paused_agent_unavailable',
    now,
  });
}

/**
 * LiveKit could not be reached or did not answer: the campaign waits a little before trying again, and
 * once the trouble has lasted engineTiming.telephonyTroublePauseMs it pauses with a notification rather
 * than burn through its leads' attempts.
 */
async function reactToTelephonyTrouble(db: Db, campaign: CampaignRow, trouble: Pick<DialError, 'message'>, clock: () => Date, log: Logger): Promise<void> {
  const now = clock();
  const at = sql`${now.toISOString()}::timestamptz`;
  const until = sql`${new Date(now.getTime() + engineTiming.telephonyTroubleThrottleMs).toISOString()}::timestamptz`;
  const [row] = await db
    .update(schema.campaigns)
    .set({
      telephonyTroubleSince: sql`coalesce(${schema.campaigns.telephonyTroubleSince}, ${at})`,
      throttledUntil: sql`greatest(coalesce(${schema.campaigns.throttledUntil}, ${until}), ${until})`,
    })
    .where(eq(schema.campaigns.id, campaign.id))
    .returning({ since: schema.campaigns.telephonyTroubleSince });
  log.warn('telephony trouble; throttling campaign', { error: trouble.message });
  if (!row?.since || now.getTime() - row.since.getTime() < engineTiming.telephonyTroublePauseMs) return;
  const minutes = Math.round((now.getTime() - row.since.getTime()) / 60_000);
  await engineTransition(db, {
    campaignId: campaign.id,
    from: 'active',
    to: 'paused',
    reason: `Paused: LiveKit has been unreachable or not answering for ${minutes} min (${trouble.message}). No lead was charged for a dial that did not leave. Resume once it is back.`,
    notificationKind: 'paused_telephony_trouble',
    now,
  });
}

/** LiveKit answered (whatever it said about the callee): the campaign's telephony trouble is over. */
async function clearTelephonyTrouble(db: Db, campaignId: string): Promise<void> {
  await db
    .update(schema.campaigns)
    .set({ telephonyTroubleSince: null })
    .where(and(eq(schema.campaigns.id, campaignId), isNotNull(schema.campaigns.telephonyTroubleSince)));
}

/** The dial request itself, run in the background: it settles when the callee answers or the dial fails. */
async function dial(db: Db, telephony: Telephony, campaign: CampaignRow, claim: ClaimedCall, context: CallContext & { roomName: string }, clock: () => Date, log: Logger): Promise<void> {
  let placed;
  try {
    placed = await telephony.placeCall(context);
  } catch (thrown) {
    // The request reached the telephony: unless it says nothing was placed, the attempt counts
    // (when unsure whether a dial left, the engine errs towards calling less, never twice).
    const error: Pick<DialError, 'kind' | 'message' | 'retryAfterMs'> = isDialError(thrown) ? thrown : { kind: 'failed', message: errorText(thrown) };
    if (!isDialError(thrown)) log.error('dial threw an unexpected error', { error: errorText(thrown) });
    if (error.kind === 'rate_limited' || error.kind === 'unavailable' || error.kind === 'unreachable') {
      await giveBack(db, claim.callId, clock, log);
      if (error.kind === 'unreachable') await reactToTelephonyTrouble(db, campaign, error, clock, log);
      else await reactToRefusal(db, campaign, thrown as DialError, clock, log);
      return;
    }
    if (error.kind === 'timed_out') await reactToTelephonyTrouble(db, campaign, error, clock, log);
    else await clearTelephonyTrouble(db, campaign.id);
    const result = await applyCallEvent(db, dialFailedEvent(claim.callId, error as DialFailure, clock()), { now: clock() });
    await result.followUp?.();
    return;
  }
  // The call is live now: a failure to write down its ids must not end it. Webhooks carry the
  // answer as well, and recovery asks LiveKit about a call that goes quiet.
  try {
    await db
      .update(schema.campaignCalls)
      .set({ sipCallId: placed.sipCallId ?? null, participantIdentity: placed.participantIdentity ?? null })
      .where(eq(schema.campaignCalls.id, claim.callId));
    await clearTelephonyTrouble(db, campaign.id);
    if (placed.answeredAt) {
      await applyCallEvent(db, { id: `answered:${claim.callId}`, callId: claim.callId, at: placed.answeredAt, type: 'answered' }, { now: clock() });
    }
  } catch (error) {
    log.error('could not record a placed call; webhooks and recovery will', { error: errorText(error) });
  }
}

/**
 * Records one claim as dialling and sends its dial request off, in one of the slots the caller
 * reserved. Anything that goes wrong before the request leaves gives the claim back, whatever the
 * error: a lead is never charged an attempt for a call that was never dialled.
 */
async function startCall(db: Db, telephony: Telephony, campaign: CampaignRow, claim: ClaimedCall, clock: () => Date): Promise<boolean> {
  const log = logger.child({ callId: claim.callId, campaignId: campaign.id });
  let context: CallContext & { roomName: string };
  try {
    context = callContext(campaign, claim);
    const recorded = await applyCallEvent(db, { id: `dial:${claim.callId}`, callId: claim.callId, at: clock(), type: 'dialing' }, { now: clock() });
    if (!recorded.applied) {
      // Recovery gave the claim back meanwhile: nothing to dial, nothing to give back.
      returnDialSlots(1);
      return false;
    }
  } catch (error) {
    log.warn('a claim could not be dialled; giving it back', { error: errorText(error) });
    returnDialSlots(1);
    await giveBack(db, claim.callId, clock, log);
    return false;
  }
  void runInDialSlot(() =>
    dial(db, telephony, campaign, claim, context, clock, log).catch((error: unknown) => {
      log.error('a dial could not be settled; recovery will', { error: errorText(error) });
    }),
  );
  return true;
}

/**
 * Starts a dial for every claim, one reserved dial slot each, and returns once they are recorded as
 * dialling: ringing, answers and failures are settled in the background (dialsSettled() waits for them).
 */
export async function startCalls(db: Db, telephony: Telephony, campaign: CampaignRow, claims: ClaimedCall[], clock: () => Date): Promise<DialStart> {
  const started = await Promise.all(claims.map((claim) => startCall(db, telephony, campaign, claim, clock)));
  const n = started.filter(Boolean).length;
  return { started: n, givenBack: claims.length - n };
}
