// The calling agent's report of a finished call (transcript, what it heard), applied to the call its report token
// names. Settling is slow, so it is handed back for the caller to run after answering.
import type { Db } from '@/db';
import { parseOrThrow } from '@/lib/errors';
import { reportTokenSecret } from '@/lib/telephony';
import { reportEventFrom } from '@/lib/telephony/agent-report';
import { verifyReportToken } from '@/lib/telephony/report-token';
import { agentReportBody } from '@/shared/contracts/agent-report';
import { applyCallEvent } from './apply-call-event';

/**
 * Applies one report. The token is checked first and the body read only then, so a forged or expired token is a
 * 401 (AppError 'unauthorized') whatever it sent; a body that is not a report is a 422. A repeated report is a
 * duplicate, not an error: the agent retries until it hears 200.
 */
export async function applyAgentReport(
  db: Db,
  { token, readBody, now }: { token: string; readBody: () => Promise<unknown>; now: Date },
): Promise<{ duplicate: boolean; followUp?: () => Promise<void> }> {
  const { callId } = await verifyReportToken(token, { secret: reportTokenSecret(), now });
  const report = parseOrThrow(agentReportBody, await readBody());
  const result = await applyCallEvent(db, reportEventFrom(callId, report, now), { now });
  return { duplicate: !result.applied, ...(result.followUp ? { followUp: result.followUp } : {}) };
}
