// GET /api/calls/:id – one call with transcript, score breakdown, notes and cost
import { withUser } from '@/lib/api/handler';
import { getCallDetail } from '@/lib/services/calls';

export const GET = withUser(async ({ db, params, user }) => getCallDetail(db, { userId: user.id, callId: params.id }));
