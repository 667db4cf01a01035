// GET /api/workspaces – the user's workspaces, their role in each, and which one is active; POST { name } – make a shared workspace (its owner, and active)
import { jsonBody, withSignedIn } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { createWorkspace, createWorkspaceBody, listWorkspaces } from '@/lib/services/workspaces';

export const GET = withSignedIn(async ({ db, user }) => listWorkspaces(db, { user, now: appClock().now() }));
export const POST = withSignedIn(
  async ({ db, req, user }) => {
    const { name } = parseOrThrow(createWorkspaceBody, await jsonBody(req));
    return createWorkspace(db, { user, name, now: appClock().now() });
  },
  { status: 201, limit: 'create', idempotent: true, location: (made: { id: string }) => `/api/workspaces/${made.id}` },
);
