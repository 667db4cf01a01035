// GET /api/team/members – the workspace's members and open invitations; POST { email, role } – add a user, or invite an email with no account yet (its join link in the answer, e-mailed when SMTP_URL is set)
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { requestOrigin } from '@/lib/http/forwarded';
import { addMember, addMemberBody, listMembers } from '@/lib/services/workspaces';

export const GET = withUser(async ({ db, workspace }) => listMembers(db, { workspaceId: workspace.id }));
export const POST = withUser(
  async ({ db, req, user, workspace }) => {
    const input = parseOrThrow(addMemberBody, await jsonBody(req));
    return addMember(db, { workspace, actor: user, input, origin: requestOrigin(req), now: appClock().now() });
  },
  { can: 'team.manage', status: 201, location: () => '/api/team/members' },
);
