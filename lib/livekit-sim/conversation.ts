// An answered simulated call, played as the agent would: talk for as long as the conversation
// takes, post the report to the app, hang up (delete the room), and, when the campaign records,
// finish the recording. If the room is deleted mid-call (the app hung up), the call just stops.
import crypto from 'node:crypto';
import { agentDispatchMetadata, type AgentDispatchMetadata } from '@/lib/telephony/agent-dispatch';
import { logger } from '@/lib/logger';
import { deliver } from './deliver';
import { answeredReport, conversationSeconds, pickPersona, voicemailReport } from './personas';
import type { Random } from './random';
import type { RoomRegistry, SimParticipant, SimRoom, Sleep } from './rooms';
import type { WebhookSender } from './webhooks';

export type ConversationDeps = {
  rooms: RoomRegistry;
  webhooks: WebhookSender;
  sleep: Sleep;
  signal: AbortSignal;
  recordingUrl: (roomName: string) => string;
  retryDelaysMs?: number[];
  onReport: (ok: boolean) => void;
};

function dispatchMetadataOf(room: SimRoom): AgentDispatchMetadata | undefined {
  if (!room.dispatchMetadata) return undefined;
  try {
    const parsed = agentDispatchMetadata.safeParse(JSON.parse(room.dispatchMetadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function playConversation(room: SimRoom, lead: SimParticipant, input: { voicemail: boolean; random: Random }, deps: ConversationDeps): Promise<void> {
  const signal = AbortSignal.any([room.controller.signal, deps.signal]);
  const metadata = dispatchMetadataOf(room);
  if (!metadata) {
    // No agent in the room: the lead hears silence and hangs up.
    await deps.sleep(5, signal).catch(() => undefined);
    if (!room.closed) deps.rooms.leave(room, lead, 'CLIENT_INITIATED');
    return;
  }

  const report = input.voicemail ? voicemailReport(metadata) : answeredReport(metadata, pickPersona(input.random), new Date());
  const egressId = metadata.recording_disclosure !== null ? `EG_${crypto.randomBytes(6).toString('hex')}` : undefined;
  const startedAt = Date.now();
  if (egressId) deps.webhooks.send(room.name, { event: 'egress_started', egressInfo: { egressId, roomId: room.sid, roomName: room.name, status: 'EGRESS_ACTIVE' } });

  const finishRecording = () => {
    if (!egressId) return;
    const endedAt = Date.now();
    deps.webhooks.send(room.name, {
      event: 'egress_ended',
      egressInfo: {
        egressId,
        roomId: room.sid,
        roomName: room.name,
        status: 'EGRESS_COMPLETE',
        startedAt: String(startedAt * 1_000_000),
        endedAt: String(endedAt * 1_000_000),
        fileResults: [{ filename: `${room.name}.wav`, location: deps.recordingUrl(room.name), duration: String((endedAt - startedAt) * 1_000_000) }],
      },
    });
  };

  try {
    await deps.sleep(conversationSeconds(report), signal);
  } catch {
    finishRecording();
    return;
  }

  const posted = await deliver(
    metadata.report_url,
    { headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${metadata.report_token}` }, body: JSON.stringify(report) },
    { signal: deps.signal, retryDelaysMs: deps.retryDelaysMs },
  );
  deps.onReport(posted.ok);
  if (!posted.ok && !deps.signal.aborted) logger.warn('livekit-sim: agent report not delivered', { room: room.name, status: posted.status, error: posted.error });

  if (room.closed) return finishRecording();
  deps.rooms.leave(room, lead, 'CLIENT_INITIATED');
  // The agent ends the session by deleting the room, as LiveKit agents do on hang-up.
  deps.rooms.close(room, 'ROOM_DELETED');
  finishRecording();
}
