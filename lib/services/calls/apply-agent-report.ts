// The calling agent's report of a finished call (transcript, what it heard), applied to the call its report
// token named. The caller checks the token and reads the body; settling is slow, so it goes to `runAfter`.
import type { Db } from '@/db';
import { reportEventFrom } from '@/lib/telephony/agent-report';
import type { AgentReportBody } from '@/shared/contracts/agent-report';
import { applyCallEvent } from './apply-call-event';

/** `duplicate`: the report was in already; acknowledged all the same, since the agent retries until it hears 200. */
export async function applyAgentReport(
  db: Db,
  callId: string,
  report: AgentReportBody,
  { now, runAfter }: { now: Date; runAfter: (task: () => Promise<void>) => void },
): Promise<{ ok: true; duplicate: boolean }> {
  const result = await applyCallEvent(db, reportEventFrom(callId, report, now), { now });
  if (result.followUp) runAfter(result.followUp);
  return { ok: true, duplicate: !result.applied };
}
