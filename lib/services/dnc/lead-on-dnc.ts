import { sql, type SQL } from 'drizzle-orm';
import { schema } from '@/db';

/** SQL condition on a `leads` row: its number is on the owner's do-not-call list. */
export function leadOnDnc(ownerId: string): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.owner_id = ${ownerId} and d.phone = ${schema.leads.phone})`;
}
