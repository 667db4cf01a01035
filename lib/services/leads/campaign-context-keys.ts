// The CRM fields of a campaign's leads: the keys found across their context, for the exports' columns.
import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { cursorInstant, uuidCursor, walkKeyset, type Keyset } from '@/lib/services/keyset';
import { openLeadContext } from './lead-context';

/**
 * The CRM fields across the campaign's leads. Lead context is sealed at rest, so its keys are read by opening
 * each lead's context, in keyset pages on the (campaign, created_at, id) index.
 */
export async function campaignContextKeys(db: Queryable, campaignId: string): Promise<string[]> {
  const l = schema.leads;
  const keys = new Set<string>();
  const page = (after: Keyset | null) =>
    db
      .select({ id: l.id, context: l.context, cursorAt: cursorInstant(l.createdAt) })
      .from(l)
      .where(and(eq(l.campaignId, campaignId), sql`${l.context} is not null`, after ? uuidCursor.afterAscending(l.createdAt, l.id, after) : undefined))
      .orderBy(asc(l.createdAt), asc(l.id))
      .limit(1000);
  for await (const rows of walkKeyset(page, 1000)) for (const row of rows) for (const key of Object.keys(row.context ? openLeadContext(row.context) : {})) keys.add(key);
  return [...keys].sort();
}
