// GET /api/campaigns/:id/compliance – calls placed, rules and jurisdictions applied, recording decisions, violations
import { withUser } from '@/lib/api/handler';
import { complianceReport } from '@/lib/services/compliance';

export const GET = withUser(async ({ db, params, workspace }) => complianceReport(db, { workspaceId: workspace.id, campaignId: params.id }));
