// The engine's telephony on LiveKit: one room per call attempt, the calling agent dispatched into
// it, then the lead dialled over the SIP trunk. The same class drives the local simulator, which
// speaks the same Twirp API.
import { AgentDispatchClient, EgressClient, EncodedFileOutput, RoomServiceClient, SipClient, type ParticipantInfo } from 'livekit-server-sdk';
import { appClock, type Clock } from '@/lib/clock';
import { logger } from '@/lib/logger';
import { agentDispatchMetadataFor, agentReportUrl } from './agent-dispatch';
import { signReportToken } from './report-token';
import { toDialError } from './sip-errors';
import { DialError, maxCallDurationSeconds, type CallContext, type PlacedCall, type RemoteCallState, type Telephony } from './types';

export type LiveKitTelephonyOptions = {
  url: string;
  apiKey: string;
  apiSecret: string;
  sipTrunkId: string;
  defaultAgentName: string;
  appUrl: string;
  reportTokenSecret: string;
  /** How long the lead's phone rings before the dial counts as no answer. */
  ringingTimeoutSeconds?: number;
  /** LiveKit hangs up a call that runs longer than this. */
  maxCallDurationSeconds?: number;
  /** How long a request other than the dial itself may take (the SDK's default is 10 s). */
  requestTimeoutSeconds?: number;
  /** 'livekit', or 'livekit-sim' when pointed at the simulator. */
  name?: string;
  clock?: Clock;
};

/** Attributes we put on the SIP participant, so LiveKit's own dashboards and webhooks name the call. */
export const callIdAttribute = 'outbound.call_id';

/**
 * Where a call's recording is written, relative to the egress service's default storage (set up on
 * the LiveKit side); the egress_ended webhook brings back its full location.
 */
export const recordingFilepath = 'recordings/{room_name}-{time}.ogg';

export function leadIdentityFor(callId: string): string {
  return `lead-${callId}`;
}

export class LiveKitTelephony implements Telephony {
  readonly name: string;
  private readonly rooms: RoomServiceClient;
  private readonly dispatches: AgentDispatchClient;
  private readonly sip: SipClient;
  private readonly egress: EgressClient;
  private readonly ringingTimeoutSeconds: number;
  private readonly maxCallDurationSeconds: number;

  constructor(private readonly options: LiveKitTelephonyOptions) {
    this.name = options.name ?? 'livekit';
    const client = { requestTimeout: options.requestTimeoutSeconds };
    this.rooms = new RoomServiceClient(options.url, options.apiKey, options.apiSecret, client);
    this.dispatches = new AgentDispatchClient(options.url, options.apiKey, options.apiSecret, client);
    this.sip = new SipClient(options.url, options.apiKey, options.apiSecret, client);
    this.egress = new EgressClient(options.url, options.apiKey, options.apiSecret, client);
    this.ringingTimeoutSeconds = options.ringingTimeoutSeconds ?? 30;
    this.maxCallDurationSeconds = options.maxCallDurationSeconds ?? maxCallDurationSeconds;
  }

  private now(): Date {
    return (this.options.clock ?? appClock()).now();
  }

  async placeCall(call: CallContext & { roomName: string }): Promise<PlacedCall> {
    const { roomName, callId, campaign, lead } = call;
    if (!this.options.sipTrunkId) throw new DialError('unavailable', 'No SIP trunk is configured: set LIVEKIT_SIP_TRUNK_ID');

    try {
      await this.rooms.createRoom({
        name: roomName,
        // Nobody joins an abandoned room: it closes once ringing could no longer succeed.
        emptyTimeout: this.ringingTimeoutSeconds + 60,
        departureTimeout: 20,
        // The lead, the agent, and a few hidden listeners from the dashboard.
        maxParticipants: 10,
        metadata: JSON.stringify({ call_id: callId, campaign_id: campaign.id, lead_id: lead.id, attempt: call.attemptNumber }),
      });
    } catch (error) {
      throw toDialError(error);
    }

    let placed: PlacedCall;
    try {
      const reportToken = await signReportToken({
        callId,
        secret: this.options.reportTokenSecret,
        now: this.now(),
        ttlSeconds: this.ringingTimeoutSeconds + this.maxCallDurationSeconds + 30 * 60,
      });
      const metadata = agentDispatchMetadataFor(call, { url: agentReportUrl(this.options.appUrl), token: reportToken });
      await this.dispatches.createDispatch(roomName, campaign.agentName || this.options.defaultAgentName, { metadata: JSON.stringify(metadata) });

      const participantIdentity = leadIdentityFor(callId);
      const sipParticipant = await this.sip.createSipParticipant(this.options.sipTrunkId, lead.phone, roomName, {
        fromNumber: campaign.callerId,
        participantIdentity,
        participantAttributes: { [callIdAttribute]: callId, 'outbound.campaign_id': campaign.id, 'outbound.lead_id': lead.id },
        ringingTimeout: this.ringingTimeoutSeconds,
        maxCallDuration: this.maxCallDurationSeconds,
        waitUntilAnswered: true,
      });
      placed = {
        roomName,
        sipCallId: sipParticipant.sipCallId || undefined,
        participantIdentity: sipParticipant.participantIdentity || participantIdentity,
        answeredAt: this.now(),
      };
    } catch (error) {
      // The call never connected: close the room so the dispatched agent does not wait in it.
      await this.hangUp(roomName).catch(() => undefined);
      throw toDialError(error);
    }

    // Only answered calls are recorded: an unanswered dial has nothing to keep. Not awaited: the
    // engine marks the call answered now, while the recording starts beside it.
    if (campaign.recordCalls) void this.startRecording(roomName, callId);
    return placed;
  }

  /** A recording that does not start costs the recording, never the call the lead already picked up. */
  private async startRecording(roomName: string, callId: string): Promise<void> {
    try {
      await this.egress.startRoomCompositeEgress(roomName, { file: new EncodedFileOutput({ filepath: recordingFilepath }) }, { audioOnly: true });
    } catch (error) {
      logger.warn('livekit: the call recording did not start', { callId, roomName, error: error instanceof Error ? error.message : String(error) });
    }
  }

  async getCallState(roomName: string): Promise<RemoteCallState> {
    try {
      const [room] = await this.rooms.listRooms([roomName]);
      if (!room) return 'ended';
      const participants = await this.rooms.listParticipants(roomName);
      const lead = participants.find(isSipParticipant);
      // A room without the lead in it is a call that already hung up (or never got through).
      if (!lead || lead.attributes['sip.callStatus'] === 'hangup') return 'ended';
      return 'active';
    } catch (error) {
      if (isNotFound(error)) return 'ended';
      return 'unknown';
    }
  }

  async hangUp(roomName: string): Promise<void> {
    try {
      await this.rooms.deleteRoom(roomName);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
  }
}

function isSipParticipant(participant: ParticipantInfo): boolean {
  // Read the kind by name: the enum lives in @livekit/protocol, which is not ours to import.
  return (participant.toJson() as { kind?: string }).kind === 'SIP' || 'sip.callStatus' in participant.attributes;
}

function isNotFound(error: unknown): boolean {
  const shape = error as { code?: unknown; status?: unknown } | null;
  return !!shape && (shape.code === 'not_found' || shape.status === 404);
}
