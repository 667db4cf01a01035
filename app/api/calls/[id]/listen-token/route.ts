// POST /api/calls/:id/listen-token – a hidden, receive-only LiveKit token to listen in on a live call
import { withUser } from '@/lib/api/handler';
import { conflict } from '@/lib/errors';
import { findCallInWorkspace } from '@/lib/services/calls';
import { getLiveKit } from '@/lib/telephony';
import { listenerToken } from '@/lib/telephony/listen-token';

const liveStatuses = new Set(['calling', 'in_progress']);

export const POST = withUser(
  async ({ db, params, user, workspace }) => {
    const call = await findCallInWorkspace(db, { workspaceId: workspace.id, callId: params.id });
    if (!call.roomName || !liveStatuses.has(call.status)) throw conflict('The call is not live: there is nothing to listen to');
    const livekit = await getLiveKit();
    const token = await listenerToken({ apiKey: livekit.apiKey, apiSecret: livekit.apiSecret, roomName: call.roomName, userId: user.id });
    // `simulated`: the simulator carries no audio, so the page shows the transcript instead of connecting.
    return { token, url: livekit.url, roomName: call.roomName, simulated: livekit.simulated };
  },
  { role: 'manager' },
);
