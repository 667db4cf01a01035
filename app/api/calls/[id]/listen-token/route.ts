// POST /api/calls/:id/listen-token – a hidden, receive-only LiveKit token to listen in on a live call
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { issueListenToken } from '@/lib/services/calls';

export const POST = withUser(async ({ db, params, user, workspace }) => issueListenToken(db, { workspaceId: workspace.id, userId: user.id, callId: params.id, now: appClock().now() }), { can: 'calls.listen' });
