// DELETE /api/compliance/blackouts/:id – lift a blackout
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { deleteBlackout } from '@/lib/services/compliance';

export const DELETE = withUser(async ({ db, params, user, workspace }) => deleteBlackout(db, { workspaceId: workspace.id, actorId: user.id, id: params.id, now: appClock().now() }));
