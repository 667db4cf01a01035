// An answered simulated call, played as the agent would: talk for as long as the conversation
// takes, post the report to the app, then hang up (delete the room). If the room is deleted
// mid-call (the app hung up), the call just stops. Recording is the app's to start (egress); the
// room ends it when it closes.
import { logger } from '@/lib/logger';
import { dispatchMetadata, type DispatchMetadata } from '@/shared/contracts/agent-dispatch';
import { deliver } from './deliver';
import { answeredReport, conversationSeconds, pickPersona, voicemailReport } from './personas';
import { between, type Random } from './random';
import type { RoomRegistry, SimParticipant, SimRoom, Sleep } from './rooms';
import type { WebhookSender } from './webhooks';

export type ConversationDeps = {
  rooms: RoomRegistry;
  webhooks: WebhookSender;
  sleep: Sleep;
  /** Seconds of the simulator's clock, not compressed by the speed factor. */
  waitClock: Sleep;
  /** The simulator's clock: the report's callback times are read from it. */
  now: () => Date;
  signal: AbortSignal;
  retryDelaysMs?: number[];
  onReport: (ok: boolean) => void;
  timing?: SimTiming;
};

/**
 * Fixed ranges for how long phones ring and conversations last (simulated seconds), in place of the
 * outcome scripts' own rings and the transcript's length: benchmarks ask for a known call mix.
 */
export type SimTiming = {
  ringSeconds?: [number, number];
  conversationSeconds?: [number, number];
  /** Seconds (uncompressed) the agent waits for the recording before it speaks anyway (default 2). */
  recordingGraceSeconds?: number;
};

/** How long (uncompressed seconds) the agent waits for the recording before it speaks anyway. */
const recordingGraceSeconds = 2;

/** Resolves once the room is recorded or the grace is over; rejects if the room closes first. */
async function untilRecording(room: SimRoom, deps: ConversationDeps, signal: AbortSignal): Promise<void> {
  const grace = new AbortController();
  const timeout = deps.waitClock(deps.timing?.recordingGraceSeconds ?? recordingGraceSeconds, AbortSignal.any([signal, grace.signal]));
  timeout.catch(() => undefined);
  try {
    await Promise.race([room.recording, timeout]);
  } finally {
    grace.abort();
  }
}

function dispatchMetadataOf(room: SimRoom): DispatchMetadata | undefined {
  if (!room.dispatchMetadata) return undefined;
  try {
    const parsed = dispatchMetadata.safeParse(JSON.parse(room.dispatchMetadata));
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

  const report = input.voicemail ? voicemailReport(metadata) : answeredReport(metadata, pickPersona(input.random), deps.now());
  try {
    // An agent that will say the call is recorded first gives the app a moment to start the
    // recording; compressed time would otherwise end the call before the app's request lands.
    if (metadata.recording_disclosure !== null) await untilRecording(room, deps, signal);
    const talk = deps.timing?.conversationSeconds;
    await deps.sleep(talk ? between(input.random, talk[0], talk[1]) : conversationSeconds(report), signal);
  } catch {
    return;
  }

  const posted = await deliver(
    metadata.report_url,
    { headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${metadata.report_token}` }, body: JSON.stringify(report) },
    { signal: deps.signal, retryDelaysMs: deps.retryDelaysMs },
  );
  deps.onReport(posted.ok);
  if (!posted.ok && !deps.signal.aborted) logger.warn('livekit-sim: agent report not delivered', { room: room.name, status: posted.status, error: posted.error });

  if (room.closed) return;
  deps.rooms.leave(room, lead, 'CLIENT_INITIATED');
  // The agent ends the session by deleting the room, as LiveKit agents do on hang-up.
  deps.rooms.close(room, 'ROOM_DELETED');
}
