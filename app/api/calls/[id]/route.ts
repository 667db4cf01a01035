// GET /api/calls/:id – one call with transcript, score breakdown, notes and cost
import { withUser } from '@/lib/api/handler';
import { getCallDetail } from '@/lib/services/calls';

export const GET = withUser(async ({ db, params, workspace }) => getCallDetail(db, { workspaceId: workspace.id, callId: params.id }));
