// GET /api/campaigns/:id/analytics – outcomes, connect rate, scores, calls per hour, funnel, cost
import { withUser } from '@/lib/api/handler';
import { campaignAnalytics } from '@/lib/services/analytics';

export const GET = withUser(async ({ db, params, workspace }) => campaignAnalytics(db, { workspaceId: workspace.id, campaignId: params.id }));
