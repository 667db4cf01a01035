// POST /api/invitations/accept { token } – the signed-in user joins the workspace their invitation link names
import { jsonBody, withSignedIn } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { acceptInvitation, acceptInvitationBody } from '@/lib/services/workspaces';

export const POST = withSignedIn(async ({ db, req, user }) => {
  const { token } = parseOrThrow(acceptInvitationBody, await jsonBody(req));
  return acceptInvitation(db, { user, token, now: appClock().now() });
});
