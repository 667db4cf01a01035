// LiveKit webhooks in, CallEvents out. The signature is checked as the SDK's WebhookReceiver checks it
// (a JWT in the Authorization header, verified by the SDK's TokenVerifier, carrying the body's sha256);
// then the event is read through its JSON form, where enums are names ('SIP', 'USER_REJECTED') rather
// than protobuf numbers.
import crypto from 'node:crypto';
import { z } from 'zod';
import { WebhookEvent, type TokenVerifier } from 'livekit-server-sdk';
import { AppError } from '@/lib/errors';
import { withoutNul } from '@/lib/nul-bytes';
import type { CallEvent } from '@/shared/contracts/call-events';

/** A verified LiveKit webhook, as the services read it (they never import the SDK themselves). */
export type LiveKitWebhookEvent = WebhookEvent;

type EndedReason = Extract<CallEvent, { type: 'ended' }>['reason'];

/**
 * Verifies the webhook and parses it; a missing, forged or stale signature, or a changed body, is a 401. WebhookReceiver's
 * own steps, but for the body's digest: the SDK takes it through WebCrypto (crypto.subtle, a promise and a thread-pool
 * job per webhook: 3.0 s of the 34.9 s the server was busy in the webhook benchmark's webhook phase), node:crypto hashes
 * it in place.
 */
export async function verifyLiveKitWebhook(verifier: TokenVerifier, rawBody: string, authorization: string | null): Promise<WebhookEvent> {
  if (!authorization) throw new AppError('unauthorized', 'The LiveKit webhook is not signed');
  let signedDigest: string | undefined;
  try {
    signedDigest = (await verifier.verify(authorization)).sha256;
  } catch {
    throw new AppError('unauthorized', 'The LiveKit webhook signature does not match');
  }
  if (signedDigest !== crypto.createHash('sha256').update(rawBody).digest('base64')) throw new AppError('unauthorized', 'The LiveKit webhook signature does not match');
  try {
    return WebhookEvent.fromJson(JSON.parse(rawBody), { ignoreUnknownFields: true });
  } catch {
    // Signed but not a webhook LiveKit could have sent: a retry cannot fix it either.
    throw new AppError('bad_request', 'The LiveKit webhook is not a webhook event');
  }
}

const webhookJson = z.object({
  event: z.string().default(''),
  id: z.string().default(''),
  createdAt: z.coerce.number().default(0),
  room: z.object({ name: z.string().default(''), sid: z.string().default('') }).optional(),
  participant: z
    .object({
      sid: z.string().default(''),
      identity: z.string().default(''),
      kind: z.string().default('STANDARD'),
      attributes: z.record(z.string(), z.string()).default({}),
      disconnectReason: z.string().default('UNKNOWN_REASON'),
    })
    .optional(),
  egressInfo: z
    .object({
      egressId: z.string().default(''),
      roomName: z.string().default(''),
      status: z.string().default('EGRESS_STARTING'),
      fileResults: z.array(z.object({ location: z.string().default(''), filename: z.string().default('') })).default([]),
      file: z.object({ location: z.string().default('') }).optional(),
    })
    .optional(),
});

type WebhookJson = z.infer<typeof webhookJson>;

// Read once per webhook: the room is read before the call is found, its events after.
const readWebhooks = new WeakMap<WebhookEvent, WebhookJson>();

function readWebhook(event: WebhookEvent): WebhookJson {
  let json = readWebhooks.get(event);
  if (!json) {
    // NULs stripped (Postgres cannot store them), not refused: LiveKit retries anything but 200.
    json = webhookJson.parse(withoutNul(event.toJson()));
    readWebhooks.set(event, json);
  }
  return json;
}

/** The room the webhook is about; egress events name it on the egress. */
export function roomNameOfWebhook(event: WebhookEvent): string | undefined {
  const json = readWebhook(event);
  return json.room?.name || json.egressInfo?.roomName || undefined;
}

/** `sip.callStatus` on the lead's SIP participant, as LiveKit SIP sets it while dialling. */
const eventTypeByCallStatus: Record<string, 'dialing' | 'ringing' | 'answered' | undefined> = {
  dialing: 'dialing',
  ringing: 'ringing',
  active: 'answered',
};

/**
 * How a SIP participant's departure ends the call. LiveKit SIP sets the reason from the SIP outcome:
 * USER_REJECTED for busy/declined, USER_UNAVAILABLE for no answer, SIP_TRUNK_FAILURE for carrier faults;
 * a hang-up by either side (or the room closing) ends it normally. The tracker counts any end of an
 * answered call as completed, so these reasons matter for calls that never connected.
 */
export const endedReasonByDisconnect: Readonly<Record<string, EndedReason>> = {
  USER_REJECTED: 'busy',
  USER_UNAVAILABLE: 'no_answer',
  SIP_TRUNK_FAILURE: 'failed',
  MEDIA_FAILURE: 'failed',
  JOIN_FAILURE: 'failed',
  CONNECTION_TIMEOUT: 'failed',
  SERVER_SHUTDOWN: 'failed',
  SIGNAL_CLOSE: 'failed',
  AGENT_ERROR: 'failed',
  CLIENT_INITIATED: 'completed',
  PARTICIPANT_REMOVED: 'completed',
  ROOM_DELETED: 'completed',
  ROOM_CLOSED: 'completed',
  UNKNOWN_REASON: 'completed',
};

function eventAt(json: WebhookJson, receivedAt: Date): Date {
  return json.createdAt > 0 ? new Date(json.createdAt * 1000) : receivedAt;
}

/** The webhook's own id plus the CallEvent type, so a redelivered webhook is recognised. */
function eventId(json: WebhookJson, type: CallEvent['type']): string {
  const source = json.id || `${json.event}:${json.room?.name ?? json.egressInfo?.roomName ?? ''}:${json.participant?.sid ?? json.egressInfo?.egressId ?? ''}:${json.createdAt}`;
  return `${source}:${type}`;
}

/**
 * The CallEvents a LiveKit webhook means for the call in its room (often none). `callStatus` is the
 * call as stored when the webhook arrived, because the same webhook means different things:
 * - a 'pending' call is a dial the engine gave back (rate limited, agent unavailable): whatever LiveKit
 *   says about that attempt's room must not end the call that will be dialled again;
 * - room_finished only ends an answered call (a backstop for a lost participant_left); an unanswered
 *   one is settled by the dial's own result or by recovery;
 * - a lead who never answered leaving is a provisional end: nobody picked up, but the dial's own result
 *   (which carries the SIP status) decides why, and recovery falls back on it if that result is lost.
 */
export function callEventsFromWebhook(event: WebhookEvent, context: { callId: string; callStatus: string; receivedAt: Date }): CallEvent[] {
  if (context.callStatus === 'pending') return [];
  const json = readWebhook(event);
  const base = { callId: context.callId, at: eventAt(json, context.receivedAt) };
  const participant = json.participant;
  const isLead = participant?.kind === 'SIP';
  const answered = context.callStatus === 'in_progress' || context.callStatus === 'completed';

  switch (json.event) {
    case 'participant_joined':
    case 'participant_attributes_changed': {
      if (!participant || !isLead) return [];
      const type = eventTypeByCallStatus[participant.attributes['sip.callStatus'] ?? (json.event === 'participant_joined' ? 'dialing' : '')];
      return type ? [{ ...base, id: eventId(json, type), type }] : [];
    }
    case 'participant_left':
    case 'participant_connection_aborted': {
      if (!participant || !isLead) return [];
      let reason: EndedReason = json.event === 'participant_connection_aborted' ? 'failed' : (endedReasonByDisconnect[participant.disconnectReason] ?? 'completed');
      if (reason === 'completed' && !answered) reason = 'no_answer';
      const detail = `${json.event}: ${participant.disconnectReason}`;
      // Unanswered, the dial request is still waiting on LiveKit and its SIP status will say exactly why.
      return [{ ...base, id: eventId(json, 'ended'), type: 'ended', reason, detail, ...(answered ? {} : { provisional: true }) }];
    }
    case 'room_finished':
      if (context.callStatus !== 'in_progress') return [];
      return [{ ...base, id: eventId(json, 'ended'), type: 'ended', reason: 'completed', detail: 'room_finished' }];
    case 'egress_ended': {
      const egress = json.egressInfo;
      const url = egress?.fileResults.find((f) => f.location)?.location || egress?.file?.location;
      if (!egress || egress.status !== 'EGRESS_COMPLETE' || !url) return [];
      return [{ ...base, id: eventId(json, 'recording'), type: 'recording', url }];
    }
    default:
      return [];
  }
}
