// POST /api/workspaces/:id/activate – act in this workspace from now on (requests without X-Workspace-Id)
import { withSignedIn } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { activateWorkspace } from '@/lib/services/workspaces';

export const POST = withSignedIn(async ({ db, params, user }) => activateWorkspace(db, { userId: user.id, workspaceId: params.id, now: appClock().now() }));
