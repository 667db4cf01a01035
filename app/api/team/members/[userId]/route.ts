// PATCH /api/team/members/:userId { role } – change a member's role; DELETE – remove them (never the last owner: 409)
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { memberParams, removeMember, updateMemberBody, updateMemberRole } from '@/lib/services/workspaces';

export const PATCH = withUser(
  async ({ db, req, params, user, workspace }) => {
    const { userId } = parseOrThrow(memberParams, params, 'bad_request');
    const { role } = parseOrThrow(updateMemberBody, await jsonBody(req));
    return updateMemberRole(db, { workspaceId: workspace.id, actorId: user.id, userId, role, now: appClock().now() });
  },
  { can: 'team.manage' },
);
export const DELETE = withUser(
  async ({ db, params, user, workspace }) => {
    const { userId } = parseOrThrow(memberParams, params, 'bad_request');
    return removeMember(db, { workspaceId: workspace.id, actorId: user.id, userId, now: appClock().now() });
  },
  { can: 'team.manage' },
);
