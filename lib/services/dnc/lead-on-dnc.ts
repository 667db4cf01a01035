import { sql, type SQL } from 'drizzle-orm';
import { schema } from '@/db';

/** SQL condition: the number (an E.164 text expression) is on the workspace's do-not-call list. One primary-key probe. */
export function numberOnDnc(workspaceId: string, phone: SQL): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.workspace_id = ${workspaceId} and d.phone = ${phone})`;
}

/** SQL condition: one of the list keys (a text[] expression, e.g. a number's keyed hashes, see dnc-keys.ts) is on the workspace's list. */
export function numbersOnDnc(workspaceId: string, keys: SQL): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.workspace_id = ${workspaceId} and d.phone = any(${keys}))`;
}

/** SQL condition on a `leads` row: its number is on the workspace's do-not-call list. */
export function leadOnDnc(workspaceId: string): SQL {
  return numberOnDnc(workspaceId, sql`${schema.leads.phone}`);
}
