// GET /api/campaigns/:id/progress – live counters, calls in flight, notices, forecast
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { progressReport } from '@/lib/services/engine/progress-report';

export const GET = withUser(async ({ db, params, workspace }) => progressReport(db, { workspaceId: workspace.id, campaignId: params.id, now: appClock().now() }));
