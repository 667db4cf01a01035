// The job metadata the calling agent receives with its dispatch: everything it needs to hold the
// conversation and to report back. This is the contract with the `agent/` worker (and the simulator,
// which plays the agent); keys are snake_case because the worker is Python.
import { z } from 'zod';
import type { CallContext } from './types';

export const agentDispatchMetadata = z.object({
  campaign_id: z.string(),
  call_id: z.string(),
  lead_name: z.string(),
  lead_company: z.string().nullable(),
  lead_phone: z.string(),
  lead_timezone: z.string().nullable(),
  lead_context: z.record(z.string(), z.unknown()),
  qualification_criteria: z.object({
    criteria: z.array(z.unknown()),
    minQualificationScore: z.number(),
  }),
  script_guidance: z.string().nullable(),
  /** The line the agent says first when the campaign records calls; null when it does not record. */
  recording_disclosure: z.string().nullable(),
  /** The call is recorded and recording_disclosure must be the agent's very first words (all-party-consent states). */
  recording_disclosure_first: z.boolean(),
  report_url: z.string(),
  report_token: z.string(),
});

export type AgentDispatchMetadata = z.infer<typeof agentDispatchMetadata>;

export function agentReportUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, '')}/api/livekit/agent-report`;
}

export function agentDispatchMetadataFor(call: CallContext, report: { url: string; token: string }): AgentDispatchMetadata {
  const { campaign, lead } = call;
  return {
    campaign_id: campaign.id,
    call_id: call.callId,
    lead_name: lead.name,
    lead_company: lead.company,
    lead_phone: lead.phone,
    lead_timezone: lead.timezone,
    lead_context: lead.context,
    qualification_criteria: { criteria: campaign.qualificationCriteria, minQualificationScore: campaign.minQualificationScore },
    script_guidance: campaign.scriptGuidance ?? null,
    recording_disclosure: campaign.recordCalls && campaign.recordingDisclosure.trim() ? campaign.recordingDisclosure : null,
    recording_disclosure_first: campaign.recordCalls && !!campaign.recordingDisclosureFirst && !!campaign.recordingDisclosure.trim(),
    report_url: report.url,
    report_token: report.token,
  };
}
