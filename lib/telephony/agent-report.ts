// What the calling agent posts to /api/livekit/agent-report when a call ends, and the 'report'
// CallEvent it becomes. One report per call: its event id is fixed, so a retried post is a no-op.
import { z } from 'zod';
import type { CallEvent } from '@/shared/contracts/call-events';
import { callTranscript } from '@/shared/contracts/transcript';

export const agentReportBody = z.object({
  transcript: callTranscript,
  answeringMachine: z.boolean().optional(),
  optOut: z.boolean().optional(),
  callbackAt: z.iso.datetime({ offset: true, message: 'callbackAt must be an ISO date-time' }).optional(),
  summary: z.string().max(10_000).optional(),
  endedReason: z.string().max(200).optional(),
});

export type AgentReportBody = z.infer<typeof agentReportBody>;

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
