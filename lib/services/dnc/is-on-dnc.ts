import { and, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';

/** Whether the workspace's do-not-call list holds this number (E.164, as leads store it). */
export async function isOnDnc(db: Queryable, { workspaceId, phone }: { workspaceId: string; phone: string }): Promise<boolean> {
  const [row] = await db
    .select({ phone: schema.dncNumbers.phone })
    .from(schema.dncNumbers)
    .where(and(eq(schema.dncNumbers.workspaceId, workspaceId), eq(schema.dncNumbers.phone, phone)))
    .limit(1);
  return !!row;
}
