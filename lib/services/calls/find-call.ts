import { and, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { notFound } from '@/lib/errors';
import { isUuid } from '@/lib/services/campaigns/get-campaign-or-throw';

const callSummary = {
  id: schema.campaignCalls.id,
  campaignId: schema.campaignCalls.campaignId,
  leadId: schema.campaignCalls.leadId,
  workspaceId: schema.campaigns.workspaceId,
  status: schema.campaignCalls.status,
  roomName: schema.campaignCalls.roomName,
};

export type CallSummary = { id: string; campaignId: string; leadId: string; workspaceId: string; status: string; roomName: string | null };

export async function findCallByRoomName(db: Queryable, roomName: string): Promise<CallSummary | null> {
  const [row] = await db
    .select(callSummary)
    .from(schema.campaignCalls)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.campaignCalls.campaignId))
    .where(eq(schema.campaignCalls.roomName, roomName))
    .limit(1);
  return row ?? null;
}

/** The user's call; someone else's, or none, is the same 404. */
export async function findCallInWorkspace(db: Queryable, { workspaceId, callId }: { workspaceId: string; callId: string }): Promise<CallSummary> {
  if (!isUuid(callId)) throw notFound('Call');
  const [row] = await db
    .select(callSummary)
    .from(schema.campaignCalls)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.campaignCalls.campaignId))
    .where(and(eq(schema.campaignCalls.id, callId), eq(schema.campaigns.workspaceId, workspaceId)))
    .limit(1);
  if (!row) throw notFound('Call');
  return row;
}
