// DELETE /api/leads/:id/personal-data – erase a lead's personal data, keeping its calls as counts
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { eraseLeadPersonalData } from '@/lib/services/leads';

export const DELETE = withUser(async ({ db, params, user, workspace }) => eraseLeadPersonalData(db, { workspaceId: workspace.id, userId: user.id, leadId: params.id, now: appClock().now() }));
