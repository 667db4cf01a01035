// What the calling agent posts to /api/livekit/agent-report when a call ends. Written once, here: the
// agent builds it (agent/src/call-state.ts, posted by agent/src/report-client.ts), the route parses it,
// the simulator plays it. Relative imports only: the agent compiles shared/ as well.
import { z } from 'zod';
import { callTranscript } from './transcript';

export const agentReportBody = z.object({
  transcript: callTranscript,
  answeringMachine: z.boolean().optional(),
  optOut: z.boolean().optional(),
  /** ISO 8601 with an offset. */
  callbackAt: z.iso.datetime({ offset: true, message: 'callbackAt must be an ISO date-time' }).optional(),
  summary: z.string().max(10_000).optional(),
  endedReason: z.string().max(200).optional(),
});

export type AgentReportBody = z.infer<typeof agentReportBody>;
