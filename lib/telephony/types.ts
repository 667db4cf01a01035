// The engine's only view of telephony. LiveKit (lib/telephony/livekit.ts), the local simulator
// and the in-process test double (test/in-process-telephony.ts) all sit behind this interface.
import type { DispatchCriterionSent } from '@/shared/contracts/agent-dispatch';

export type CallContext = {
  callId: string;
  attemptNumber: number;
  campaign: {
    id: string;
    name: string;
    agentName?: string;
    scriptGuidance?: string;
    callerId?: string;
    /** Whether this call is recorded (the campaign records, and the lead's jurisdictions allow it as configured). */
    recordCalls: boolean;
    recordingDisclosure: string;
    /**
     * The recording disclosure is the agent's first words: the call is recorded and a disclosure line is set
     * (an all-party-consent jurisdiction applies, or the campaign discloses anyway).
     */
    recordingDisclosureFirst?: boolean;
    voicemailMessage?: string;
    qualificationCriteria: DispatchCriterionSent[];
    minQualificationScore: number;
  };
  lead: {
    id: string;
    name: string;
    company: string | null;
    phone: string; // E.164
    timezone: string | null;
    context: Record<string, unknown>;
  };
};

/** What a dial returned when it did not fail: the call is ringing or already answered. */
export type PlacedCall = {
  roomName: string;
  sipCallId?: string;
  participantIdentity?: string;
  /** Set when the dial waited until the callee picked up. */
  answeredAt?: Date;
};

/**
 * How a dial failed, in the engine's words:
 * - busy / no_answer / failed / invalid_number: the call attempt happened and ended so;
 * - rate_limited: nothing was placed, try again later (the campaign throttles, the lead is not charged an attempt);
 * - unavailable: the agent or trunk is missing or credentials are wrong (the campaign pauses);
 * - unreachable: LiveKit could not be reached, so nothing was placed (the claim is given back);
 * - timed_out: the request went out and no answer came, so it may have placed a call (the attempt counts as failed).
 * The last two are telephony trouble: the campaign throttles, and pauses when it lasts (engineTiming.telephonyOutagePauseMs).
 */
export type DialFailureKind = 'busy' | 'no_answer' | 'failed' | 'invalid_number' | 'rate_limited' | 'unavailable' | 'unreachable' | 'timed_out';

/** Dial failures that say the telephony is in trouble rather than the callee. */
export const telephonyTroubleKinds: ReadonlySet<DialFailureKind> = new Set(['unreachable', 'timed_out']);

export class DialError extends Error {
  constructor(
    readonly kind: DialFailureKind,
    message: string,
    readonly sipStatusCode?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DialError';
  }
}

/**
 * Next.js bundles instrumentation and route handlers separately, so a DialError thrown by the
 * process-wide telephony may come from the other bundle's copy of this class: check its shape too.
 */
export function isDialError(error: unknown): error is DialError {
  if (error instanceof DialError) return true;
  const e = error as Partial<DialError> | null;
  return !!e && e.name === 'DialError' && typeof e.kind === 'string';
}

/** What the telephony knows about a call the engine lost track of (recovery). */
export type RemoteCallState = 'active' | 'ended' | 'unknown';

/**
 * LiveKit hangs up an answered call that runs longer than this (the dial's max_call_duration): the longest a call can
 * last, so the engine's lease on an answered call and its bound on a call whose end was never heard follow from it.
 */
export const maxCallDurationSeconds = 15 * 60;

export interface Telephony {
  readonly name: string;
  /** Places the call; resolves once ringing (or answered), rejects with DialError. */
  placeCall(call: CallContext & { roomName: string }): Promise<PlacedCall>;
  /** Asks the telephony whether the call's room still exists and who is in it. */
  getCallState(roomName: string): Promise<RemoteCallState>;
  /** Ends the call's room (used when a campaign stops mid-call or recovery gives up). */
  hangUp(roomName: string): Promise<void>;
}

/** A unique, readable room name per call attempt. */
export function roomNameFor(call: { campaignId: string; leadId: string; attemptNumber: number; callId: string }): string {
  return `call-${call.campaignId.slice(0, 8)}-${call.leadId.slice(0, 8)}-a${call.attemptNumber}-${call.callId.slice(0, 8)}`;
}
