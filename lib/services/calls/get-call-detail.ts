import { eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { callColumns } from './list-calls';
import { findCallInWorkspace } from './find-call';
import { openCallPersonalData } from './call-personal-data';

/** One call with its transcript and score breakdown, for its workspace's members only. */
export async function getCallDetail(db: Queryable, { workspaceId, callId }: { workspaceId: string; callId: string }) {
  await findCallInWorkspace(db, { workspaceId, callId });
  const c = schema.campaignCalls;
  const [row] = await db
    .select({
      ...callColumns,
      transcript: c.transcript,
      qualification: c.qualification,
      recordingUrl: c.recordingUrl,
      recordingConsent: c.recordingConsent,
      // Why the call was lawful when claimed, as stored then (never recomputed).
      compliance: c.compliance,
      scoredBy: c.scoredBy,
      endedReason: c.endedReason,
      billableMinutes: c.billableMinutes,
      report: c.report,
    })
    .from(c)
    .innerJoin(schema.leads, eq(schema.leads.id, c.leadId))
    .where(eq(c.id, callId));
  return row && openCallPersonalData(row);
}
