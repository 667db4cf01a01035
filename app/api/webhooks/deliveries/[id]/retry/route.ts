// POST /api/webhooks/deliveries/:id/retry – send a delivery again now (same webhook-id) → 202
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { retryWebhookDelivery } from '@/lib/services/webhooks';

export const POST = withUser(async ({ db, params, workspace }) => retryWebhookDelivery(db, { workspaceId: workspace.id, deliveryId: params.id, now: appClock().now() }), { status: 202, can: 'webhooks.manage' });
