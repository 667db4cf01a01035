import type { Db } from '@/db';
import { conflict } from '@/lib/errors';
import { recordAudit } from '@/lib/services/audit';
import { getLiveKit } from '@/lib/telephony';
import { listenerToken } from '@/lib/telephony/listen-token';
import { isOneOf, liveCallStatuses } from '@/shared/statuses';
import { findCallInWorkspace } from './find-call';

/** A call can be listened in on while it is live and has a room to join. */
export function canListenIn<T extends { roomName: string | null; status: string }>(call: T): call is T & { roomName: string } {
  return !!call.roomName && isOneOf(liveCallStatuses, call.status);
}

/** A hidden, receive-only token for a live call's room; each one issued is on the audit log. */
export async function issueListenToken(db: Db, { workspaceId, userId, callId, now }: { workspaceId: string; userId: string; callId: string; now: Date }) {
  const call = await findCallInWorkspace(db, { workspaceId, callId });
  if (!canListenIn(call)) throw conflict('The call is not live: there is nothing to listen to');
  const livekit = await getLiveKit();
  const token = await listenerToken({ apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, roomName: call.roomName, userId });
  await recordAudit(db, { actorId: userId, campaignId: call.campaignId, workspaceId, action: 'call.listen_in', details: { callId: call.id, leadId: call.leadId }, at: now });
  // `simulated`: the simulator carries no audio, so the page shows the transcript instead of connecting.
  return { token, url: livekit.url, roomName: call.roomName, simulated: livekit.simulated };
}
