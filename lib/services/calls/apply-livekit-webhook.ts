// A LiveKit webhook (or the simulator's) applied to the call its room belongs to: the signature checked, the event
// read as CallEvents, each applied in turn. Settling is slow, so it is handed back for the caller to run after answering.
import type { Db } from '@/db';
import { logger } from '@/lib/logger';
import { webhookReceiver } from '@/lib/telephony';
import { callEventsFromWebhook, roomNameOfWebhook, verifyLiveKitWebhook } from '@/lib/telephony/livekit-webhook';
import { applyCallEvent } from './apply-call-event';
import { findCallByRoomName } from './find-call';

export type LiveKitWebhookResult = {
  /** What LiveKit is answered: any 200 stops its retries. */
  ack: { ok: true; applied: number; ignored?: number };
  /** Settling and scoring, to run once LiveKit has its answer. */
  followUps: (() => Promise<void>)[];
};

/** Applies one signed webhook; a missing or forged signature is a 401 (AppError 'unauthorized'). */
export async function applyLiveKitWebhook(db: Db, { body, authorization, now }: { body: string; authorization: string | null; now: Date }): Promise<LiveKitWebhookResult> {
  const event = await verifyLiveKitWebhook(webhookReceiver(), body, authorization);
  const roomName = roomNameOfWebhook(event);
  const call = roomName ? await findCallByRoomName(db, roomName) : null;
  if (!call) {
    // Not one of our calls (another app on the same LiveKit project, or a call since deleted): acknowledge so LiveKit stops retrying.
    logger.info('livekit webhook for a room that is no call', { event: event.event, room: roomName ?? null, webhookId: event.id });
    return { ack: { ok: true, applied: 0 }, followUps: [] };
  }
  let applied = 0;
  // An event dated far outside the call's life is ignored, yet acknowledged: a retry cannot fix its time.
  let ignored = 0;
  const followUps: (() => Promise<void>)[] = [];
  for (const callEvent of callEventsFromWebhook(event, { callId: call.id, callStatus: call.status, receivedAt: now })) {
    const result = await applyCallEvent(db, callEvent, { now });
    if (result.applied) applied++;
    if (result.ignored) ignored++;
    if (result.followUp) followUps.push(result.followUp);
  }
  return { ack: { ok: true, applied, ...(ignored ? { ignored } : {}) }, followUps };
}
