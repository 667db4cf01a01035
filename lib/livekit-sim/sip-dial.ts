// CreateSIPParticipant, simulated: the lead joins the room as a SIP participant ('dialing'), the
// phone rings, then the call connects ('active') or fails with the Twirp error LiveKit would send.
// With waitUntilAnswered the request is held until that moment, exactly like LiveKit.
import crypto from 'node:crypto';
import { z } from 'zod';
import { playConversation, type ConversationDeps } from './conversation';
import { dialScriptFor, pickDialResult, type DialResult, type DialFailure, type DialResultMix } from './dial-results';
import { between, seededRandom } from './random';
import type { SimRoom } from './rooms';
import { TwirpFailure, durationSeconds } from './twirp';

export const createSipParticipantRequest = z.object({
  sipTrunkId: z.string().default(''),
  sipCallTo: z.string().default(''),
  sipNumber: z.string().optional(),
  roomName: z.string().default(''),
  participantIdentity: z.string().optional(),
  participantName: z.string().optional(),
  participantAttributes: z.record(z.string(), z.string()).optional(),
  ringingTimeout: z.string().optional(),
  maxCallDuration: z.string().optional(),
  waitUntilAnswered: z.boolean().optional(),
});

export type SipDialDeps = ConversationDeps & {
  seed: number;
  mix: DialResultMix;
  trunkId: string;
  maxConcurrentCalls?: number;
  activeCalls: () => number;
  /** Called once per call that reached a phone, with its outcome, and again (ended) when it is over. */
  onCallStarted: (outcome: DialResult, phoneNumber: string) => void;
  onCallEnded: () => void;
  track: (work: Promise<unknown>) => void;
};

const phoneShape = /^\+?[1-9]\d{5,14}$/;

function twirpFailureOf(failure: DialFailure): TwirpFailure {
  return new TwirpFailure(failure.code, failure.message, failure.sipStatus ? { sip_status_code: String(failure.sipStatus.code), sip_status: failure.sipStatus.reason } : undefined);
}

const ringOut: DialFailure = { code: 'canceled', message: 'sip request timed out: no answer before the ringing timeout', disconnectReason: 'USER_UNAVAILABLE' };

export async function dialSipParticipant(body: unknown, deps: SipDialDeps) {
  const request = createSipParticipantRequest.parse(body);
  if (!request.sipTrunkId) throw new TwirpFailure('invalid_argument', 'sip_trunk_id is required');
  if (request.sipTrunkId !== deps.trunkId) throw new TwirpFailure('not_found', `requested sip trunk ${request.sipTrunkId} does not exist`);
  if (!request.roomName) throw new TwirpFailure('invalid_argument', 'room_name is required');
  if (!phoneShape.test(request.sipCallTo.replace(/[\s()-]/g, ''))) throw new TwirpFailure('invalid_argument', `invalid phone number in sip_call_to: ${request.sipCallTo}`);
  if (deps.maxConcurrentCalls !== undefined && deps.activeCalls() >= deps.maxConcurrentCalls) {
    throw new TwirpFailure('resource_exhausted', `concurrent call limit of ${deps.maxConcurrentCalls} reached`);
  }

  // LiveKit creates the room when a SIP participant is sent to one that does not exist.
  const room: SimRoom = deps.rooms.get(request.roomName) ?? deps.rooms.create({ name: request.roomName });
  const identity = request.participantIdentity || 'sip-participant';
  if (room.participants.has(identity)) throw new TwirpFailure('already_exists', `participant ${identity} is already in room ${room.name}`);

  const random = seededRandom(deps.seed, `${room.name}|${request.sipCallTo}`);
  const ringingTimeout = durationSeconds(request.ringingTimeout) ?? 30;
  let script = dialScriptFor(pickDialResult(random, deps.mix), random);
  const ring = deps.timing?.ringSeconds;
  if (ring && typeof script.ringSeconds === 'number') script = { ...script, ringSeconds: between(random, ring[0], ring[1]) };
  // A phone that would ring longer than we let it has rung out.
  if (typeof script.ringSeconds === 'number' && script.ringSeconds >= ringingTimeout) {
    script = { outcome: 'no_answer', ringSeconds: 'ring_out', failure: ringOut };
  }

  const sipCallId = `SCL_${crypto.randomBytes(6).toString('hex')}`;
  const lead = deps.rooms.join(room, {
    identity,
    name: request.participantName ?? 'Phone',
    kind: 'SIP',
    attributes: {
      ...request.participantAttributes,
      'sip.callStatus': 'dialing',
      'sip.callID': sipCallId,
      'sip.phoneNumber': request.sipCallTo,
      'sip.trunkID': request.sipTrunkId,
      'sip.trunkPhoneNumber': request.sipNumber ?? '+15550100000',
    },
  });
  deps.onCallStarted(script.outcome, request.sipCallTo);
  const info = { participantId: lead.sid, participantIdentity: lead.identity, roomName: room.name, sipCallId };

  let ended = false;
  const endCall = () => {
    if (ended) return;
    ended = true;
    deps.onCallEnded();
  };
  const signal = AbortSignal.any([room.controller.signal, deps.signal]);

  const connect = (async () => {
    try {
      // The ringing timeout counts from the INVITE, so the moment before the phone rings is part of it.
      const beforeRinging = between(random, 0.5, 1.5);
      await deps.sleep(beforeRinging, signal);
      deps.rooms.setAttributes(room, lead, { 'sip.callStatus': 'ringing' });
      await deps.sleep(Math.max(0, (script.ringSeconds === 'ring_out' ? ringingTimeout : script.ringSeconds) - beforeRinging), signal);
    } catch {
      endCall();
      throw new TwirpFailure('aborted', 'the call was cancelled: its room was closed while dialling');
    }
    if ('failure' in script) {
      deps.rooms.leave(room, lead, script.failure.disconnectReason);
      endCall();
      // The agent gives up on a call that never connected and closes the room.
      deps.track(
        deps
          .sleep(2, signal)
          .then(() => deps.rooms.close(room, 'ROOM_DELETED'))
          .catch(() => undefined),
      );
      throw twirpFailureOf(script.failure);
    }
    deps.rooms.setAttributes(room, lead, { 'sip.callStatus': 'active' });
    deps.track(playConversation(room, lead, { voicemail: script.outcome === 'voicemail', random }, deps).finally(endCall));
  })();

  if (request.waitUntilAnswered) {
    await connect;
    return info;
  }
  deps.track(connect.catch(() => undefined));
  return info;
}
