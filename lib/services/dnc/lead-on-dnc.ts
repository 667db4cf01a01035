import { sql, type SQL } from 'drizzle-orm';
import { schema } from '@/db';

/** SQL condition on a `leads` row: its number is on the workspace's do-not-call list. */
export function leadOnDnc(workspaceId: string): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.workspace_id = ${workspaceId} and d.phone = ${schema.leads.phone})`;
}
