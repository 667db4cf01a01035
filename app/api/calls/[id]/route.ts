// GET /api/calls/:id – one call with transcript, score breakdown, notes and cost
import { getDb } from '@/db';
import { withUser } from '@/lib/api/handler';
import { getCallDetail } from '@/lib/services/calls';

export const GET = withUser(async ({ params, user }) => getCallDetail(await getDb(), { userId: user.id, callId: params.id }));
