// DELETE /api/team/invitations/:id – revoke an open invitation (owner)
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { revokeInvitation } from '@/lib/services/workspaces';

export const DELETE = withUser(async ({ db, params, user, workspace }) => revokeInvitation(db, { workspaceId: workspace.id, actorId: user.id, invitationId: params.id, now: appClock().now() }), { can: 'team.manage' });
