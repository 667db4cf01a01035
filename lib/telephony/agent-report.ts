// The 'report' CallEvent an agent's report (shared/contracts/agent-report.ts) becomes. One report per
// call: its event id is fixed, so a retried post is a no-op.
import type { AgentReportBody } from '@/shared/contracts/agent-report';
import type { CallEvent } from '@/shared/contracts/call-events';

export function reportEventId(callId: string): string {
  return `report:${callId}`;
}

export function reportEventFrom(callId: string, report: AgentReportBody, at: Date): Extract<CallEvent, { type: 'report' }> {
  return {
    id: reportEventId(callId),
    callId,
    at,
    type: 'report',
    transcript: report.transcript,
    ...(report.answeringMachine !== undefined ? { answeringMachine: report.answeringMachine } : {}),
    ...(report.optOut !== undefined ? { optOut: report.optOut } : {}),
    ...(report.callbackAt !== undefined ? { callbackAt: new Date(report.callbackAt) } : {}),
    ...(report.summary !== undefined ? { summary: report.summary } : {}),
    ...(report.endedReason !== undefined ? { endedReason: report.endedReason } : {}),
  };
}
