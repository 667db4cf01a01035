// GET /api/audit?campaignId=&actor=&action=&cursor=&limit= – the workspace's audit trail, newest first, keyset-paged (owners)
import { queryOf, withUser } from '@/lib/api/handler';
import { parseOrThrow } from '@/lib/errors';
import { listAudit, listAuditQuery } from '@/lib/services/audit';

export const GET = withUser(
  async ({ db, req, workspace }) => listAudit(db, { workspaceId: workspace.id, query: parseOrThrow(listAuditQuery, queryOf(req), 'bad_request') }),
  { can: 'audit.read' },
);
