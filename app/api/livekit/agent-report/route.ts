// POST /api/livekit/agent-report – the calling agent reports a finished call: transcript and what it heard
import { afterResponse } from '@/lib/api/after-response';
import { jsonBody, withErrors } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { AppError, parseOrThrow } from '@/lib/errors';
import { applyAgentReport } from '@/lib/services/calls';
import { reportTokenSecret } from '@/lib/telephony';
import { verifyReportToken } from '@/lib/telephony/report-token';
import { agentReportBody } from '@/shared/contracts/agent-report';

export const POST = withErrors(async ({ db, req }) => {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
  if (!token) throw new AppError('unauthorized', 'Send the report token from the dispatch metadata as a bearer token');
  const now = appClock().now();
  // The token first, the body only then: a forged or expired token is a 401 whatever it sent.
  const { callId } = await verifyReportToken(token, { secret: reportTokenSecret(), now });
  // NULs are stripped, not refused: the agent drops a report on a 4xx, and a lost report loses an opt-out.
  const report = parseOrThrow(agentReportBody, await jsonBody(req, { stripNul: true }));
  return applyAgentReport(db, callId, report, { now, runAfter: afterResponse });
});
