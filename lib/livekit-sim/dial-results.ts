// How a simulated dial goes: the mix of dial results, and for each result the SIP response a carrier
// would give and the Twirp error LiveKit turns it into. A dial result is the simulator's own word, not a
// call outcome (shared/call-outcomes.ts): the app judges the outcome from what the dial and the room report (livekit/protocol sip.go maps SIP codes onto
// gRPC codes; LiveKit SIP sets the participant's disconnect reason).
import { between, pickWeighted, type Random } from './random';
import type { TwirpCode } from './twirp';

export const dialResults = ['answered', 'no_answer', 'busy', 'voicemail', 'failed', 'invalid_number'] as const;
export type DialResult = (typeof dialResults)[number];
export type DialResultMix = Record<DialResult, number>;

/** Roughly what an outbound B2B list yields. */
export const defaultDialResultMix: DialResultMix = {
  answered: 0.35,
  no_answer: 0.35,
  busy: 0.1,
  voicemail: 0.12,
  failed: 0.05,
  invalid_number: 0.03,
};

/** A given mix replaces the default: results it leaves out never happen. Weights are normalised. */
export function dialResultMixOf(mix?: Partial<DialResultMix>): DialResultMix {
  const chosen = mix ?? defaultDialResultMix;
  const total = dialResults.reduce((sum, o) => sum + Math.max(0, chosen[o] ?? 0), 0);
  if (!(total > 0)) throw new Error('The simulator dial result mix needs at least one result with a positive weight');
  return Object.fromEntries(dialResults.map((o) => [o, Math.max(0, chosen[o] ?? 0) / total])) as DialResultMix;
}

export function pickDialResult(random: Random, mix: DialResultMix): DialResult {
  return pickWeighted(random, dialResults.map((o) => [o, mix[o]] as const));
}

/** The error CreateSIPParticipant returns for a call that did not connect, as LiveKit sends it. */
export type DialFailure = {
  code: TwirpCode;
  message: string;
  /** Absent for a ring-out: LiveKit cancels the INVITE itself and has no final SIP response. */
  sipStatus?: { code: number; reason: string };
  /** The SIP participant's disconnect reason in the participant_left webhook. */
  disconnectReason: 'USER_REJECTED' | 'USER_UNAVAILABLE' | 'SIP_TRUNK_FAILURE';
};

export type DialScript =
  | { outcome: 'answered' | 'voicemail'; ringSeconds: number }
  | { outcome: Exclude<DialResult, 'answered' | 'voicemail'>; ringSeconds: number | 'ring_out'; failure: DialFailure };

type FailureVariant = { weight: number; ring: [number, number] | 'ring_out'; failure: DialFailure };

const sip = (code: number, reason: string, twirp: TwirpCode, disconnectReason: DialFailure['disconnectReason']): DialFailure => ({
  code: twirp,
  message: `sip status ${code}: ${reason}`,
  sipStatus: { code, reason },
  disconnectReason,
});

/** Per failing dial result, the ways it shows up, with the seconds the phone rings first. */
export const failureVariants: Readonly<Record<Exclude<DialResult, 'answered' | 'voicemail'>, readonly FailureVariant[]>> = {
  busy: [
    { weight: 0.9, ring: [1, 4], failure: sip(486, 'Busy Here', 'resource_exhausted', 'USER_REJECTED') },
    { weight: 0.1, ring: [1, 3], failure: sip(600, 'Busy Everywhere', 'resource_exhausted', 'USER_REJECTED') },
  ],
  no_answer: [
    { weight: 0.55, ring: 'ring_out', failure: { code: 'canceled', message: 'sip request timed out: no answer before the ringing timeout', disconnectReason: 'USER_UNAVAILABLE' } },
    { weight: 0.2, ring: [4, 20], failure: sip(480, 'Temporarily Unavailable', 'resource_exhausted', 'USER_UNAVAILABLE') },
    { weight: 0.15, ring: [3, 12], failure: sip(603, 'Decline', 'permission_denied', 'USER_REJECTED') },
    { weight: 0.1, ring: [15, 25], failure: sip(408, 'Request Timeout', 'deadline_exceeded', 'USER_UNAVAILABLE') },
  ],
  failed: [
    { weight: 0.6, ring: [0.5, 2], failure: sip(503, 'Service Unavailable', 'failed_precondition', 'SIP_TRUNK_FAILURE') },
    { weight: 0.2, ring: [0.5, 2], failure: sip(500, 'Server Internal Error', 'failed_precondition', 'SIP_TRUNK_FAILURE') },
    { weight: 0.2, ring: [0.5, 2], failure: sip(502, 'Bad Gateway', 'failed_precondition', 'SIP_TRUNK_FAILURE') },
  ],
  invalid_number: [
    { weight: 0.7, ring: [0.3, 1.5], failure: sip(404, 'Not Found', 'not_found', 'USER_UNAVAILABLE') },
    { weight: 0.2, ring: [0.3, 1.5], failure: sip(484, 'Address Incomplete', 'invalid_argument', 'USER_UNAVAILABLE') },
    { weight: 0.1, ring: [0.3, 1.5], failure: sip(604, 'Does Not Exist Anywhere', 'not_found', 'USER_UNAVAILABLE') },
  ],
};

export function dialScriptFor(outcome: DialResult, random: Random): DialScript {
  if (outcome === 'answered') return { outcome, ringSeconds: between(random, 4, 15) };
  if (outcome === 'voicemail') return { outcome, ringSeconds: between(random, 15, 25) };
  const variant = pickWeighted(random, failureVariants[outcome].map((v) => [v, v.weight] as const));
  return {
    outcome,
    ringSeconds: variant.ring === 'ring_out' ? 'ring_out' : between(random, variant.ring[0], variant.ring[1]),
    failure: variant.failure,
  };
}
