// POST /api/livekit/agent-report – the calling agent reports a finished call: transcript and what it heard
import { afterResponse } from '@/lib/api/after-response';
import { jsonBody, withErrors } from '@/lib/api/handler';
import { appClock } from '@/lib/clock';
import { AppError } from '@/lib/errors';
import { applyAgentReport } from '@/lib/services/calls';

export const POST = withErrors(async ({ db, req }) => {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
  if (!token) throw new AppError('unauthorized', 'Send the report token from the dispatch metadata as a bearer token');
  // NULs are stripped, not refused: the agent drops a report on a 4xx, and a lost report loses an opt-out.
  const result = await applyAgentReport(db, { token, readBody: () => jsonBody(req, { stripNul: true }), now: appClock().now() });
  if (result.followUp) afterResponse(result.followUp);
  return { ok: true, duplicate: result.duplicate };
});
