// DELETE /api/api-keys/:id – revoke a key: its next request is a 401
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { revokeApiKey } from '@/lib/services/api-keys';

export const DELETE = withUser(async ({ db, params, user, workspace }) => revokeApiKey(db, { workspace, actorId: user.id, id: params.id, now: appClock().now() }), { can: 'api_keys.manage', apiKeys: false });
