import { sql, type SQL } from 'drizzle-orm';
import { schema } from '@/db';
import { hashedDncEntryPrefix } from './dnc-keys';

/** SQL condition: the number (an E.164 text expression) is on the workspace's do-not-call list. One primary-key probe. */
export function numberOnDnc(workspaceId: string, phone: SQL): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.workspace_id = ${workspaceId} and d.phone = ${phone})`;
}

/** SQL condition: one of the list keys (a text[] expression, e.g. a number's keyed hashes, see dnc-keys.ts) is on the workspace's list. */
export function numbersOnDnc(workspaceId: string, keys: SQL): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.workspace_id = ${workspaceId} and d.phone = any(${keys}))`;
}

/**
 * SQL condition: the workspace's list holds any hashed entry. Uncorrelated, so Postgres evaluates it once per
 * statement, by the small partial index of hashed entries (0024: its predicate is this `like`, a literal, so the
 * planner can match it). A bulk import asks it before probing each row's hashes.
 */
export function workspaceHasHashedDnc(workspaceId: string): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.workspace_id = ${workspaceId} and d.phone like ${sql.raw(`'${hashedDncEntryPrefix}%'`)})`;
}

/** SQL condition on a `leads` row: its number is on the workspace's do-not-call list. */
export function leadOnDnc(workspaceId: string): SQL {
  return numberOnDnc(workspaceId, sql`${schema.leads.phone}`);
}
