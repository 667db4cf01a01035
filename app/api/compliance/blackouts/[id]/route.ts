// DELETE /api/compliance/blackouts/:id – lift a blackout
import { getDb } from '@/db';
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { deleteBlackout } from '@/lib/services/compliance';

export const DELETE = withUser(async ({ params, user }) => deleteBlackout(await getDb(), { ownerId: user.id, id: params.id, now: appClock().now() }));
