// GET /api/webhooks/:id/deliveries?limit= – the endpoint's latest deliveries, each with its attempts
import { queryOf, withUser } from '@/lib/api/handler';
import { parseOrThrow } from '@/lib/errors';
import { listDeliveriesQuery, listWebhookDeliveries } from '@/lib/services/webhooks';

export const GET = withUser(async ({ db, req, params, workspace }) => {
  const { limit } = parseOrThrow(listDeliveriesQuery, queryOf(req), 'bad_request');
  return listWebhookDeliveries(db, { workspaceId: workspace.id, id: params.id, limit });
});
