import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { dncLookupKeys } from './dnc-keys';

/** Whether the owner's do-not-call list holds this number (E.164, as leads store it), as itself or as its hash. */
export async function isOnDnc(db: Queryable, { workspaceId, phone }: { workspaceId: string; phone: string }): Promise<boolean> {
  const [row] = await db
    .select({ phone: schema.dncNumbers.phone })
    .from(schema.dncNumbers)
    .where(and(eq(schema.dncNumbers.workspaceId, workspaceId), inArray(schema.dncNumbers.phone, dncLookupKeys([phone]).keys)))
    .limit(1);
  return !!row;
}
