// PATCH /api/workspaces/:id { name } – rename the workspace (owner)
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { renameWorkspace, renameWorkspaceBody } from '@/lib/services/workspaces';

export const PATCH = withUser(
  async ({ db, req, user, workspace }) => {
    const { name } = parseOrThrow(renameWorkspaceBody, await jsonBody(req));
    return renameWorkspace(db, { workspaceId: workspace.id, actorId: user.id, name, now: appClock().now() });
  },
  { can: 'team.manage', workspaceParam: 'id' },
);
