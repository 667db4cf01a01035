// POST /api/webhooks/:id/test – send a `webhook.test` event to the endpoint → 202 { eventId, deliveryId }
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { sendTestWebhook } from '@/lib/services/webhooks';

export const POST = withUser(async ({ db, params, workspace }) => sendTestWebhook(db, { workspaceId: workspace.id, id: params.id, now: appClock().now() }), { status: 202, can: 'webhooks.manage' });
