// GET /api/compliance/blackouts – the user's blackouts; POST – declare one { region, startsAt, endsAt, reason? }
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { createBlackout, createBlackoutBody, listBlackouts } from '@/lib/services/compliance';

export const GET = withUser(async ({ db, workspace }) => listBlackouts(db, { workspaceId: workspace.id, now: appClock().now() }));

export const POST = withUser(
  async ({ db, req, user, workspace }) => {
    const input = parseOrThrow(createBlackoutBody, await jsonBody(req));
    return createBlackout(db, { workspaceId: workspace.id, actorId: user.id, input, now: appClock().now() });
  },
  { status: 201, idempotent: true, location: (blackout: { id: string }) => `/api/compliance/blackouts/${blackout.id}` },
);
