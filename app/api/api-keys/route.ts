// GET /api/api-keys – the workspace's live API keys (prefix only); POST { name, role? } – create one (the key is in this answer only)
import { jsonBody, withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { parseOrThrow } from '@/lib/errors';
import { createApiKey, createApiKeyBody, listApiKeys } from '@/lib/services/api-keys';

export const GET = withUser(async ({ db, workspace }) => listApiKeys(db, { workspaceId: workspace.id }), { can: 'api_keys.manage', apiKeys: false });
export const POST = withUser(
  async ({ db, req, user, workspace }) => {
    const input = parseOrThrow(createApiKeyBody, await jsonBody(req));
    return createApiKey(db, { workspace, actorId: user.id, input, now: appClock().now() });
  },
  { can: 'api_keys.manage', apiKeys: false, status: 201, location: (key: { id: string }) => `/api/api-keys/${key.id}` },
);
