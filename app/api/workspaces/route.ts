// GET /api/workspaces – the user's workspaces, their role in each, and which one is active
import { withSignedIn } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { listWorkspaces } from '@/lib/services/workspaces';

export const GET = withSignedIn(async ({ db, user }) => listWorkspaces(db, { user, now: appClock().now() }));
