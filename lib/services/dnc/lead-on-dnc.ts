import { sql, type SQL } from 'drizzle-orm';
import { schema } from '@/db';

/** SQL condition: the number (an E.164 text expression) is on the owner's do-not-call list. One primary-key probe. */
export function numberOnDnc(ownerId: string, phone: SQL): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.owner_id = ${ownerId} and d.phone = ${phone})`;
}

/** SQL condition: one of the list keys (a text[] expression, e.g. a number's keyed hashes, see dnc-keys.ts) is on the owner's list. */
export function numbersOnDnc(ownerId: string, keys: SQL): SQL {
  return sql`exists (select 1 from ${schema.dncNumbers} d where d.owner_id = ${ownerId} and d.phone = any(${keys}))`;
}

/** SQL condition on a `leads` row: its number is on the owner's do-not-call list. */
export function leadOnDnc(ownerId: string): SQL {
  return numberOnDnc(ownerId, sql`${schema.leads.phone}`);
}
