// GET /api/campaigns/:id/progress – live counters, calls in flight, notices, forecast
import { withUser } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { progressReport } from '@/lib/services/engine/progress-report';

// One statement checks the campaign is the workspace's and reads all it shows.
export const GET = withUser(async ({ db, params, workspace }) => progressReport(db, { id: params.id, workspaceId: workspace.id }, appClock().now()));
