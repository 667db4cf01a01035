import { and, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { notFound } from '@/lib/errors';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CampaignRow = typeof schema.campaigns.$inferSelect;

/** The workspace's campaign; another workspace's, or none, is the same 404. */
export async function getCampaignOrThrow(db: Queryable, { workspaceId, campaignId }: { workspaceId: string; campaignId: string }): Promise<CampaignRow> {
  if (!uuidShape.test(campaignId)) throw notFound('Campaign');
  const [row] = await db
    .select()
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw notFound('Campaign');
  return row;
}

export function isUuid(value: string): boolean {
  return uuidShape.test(value);
}
