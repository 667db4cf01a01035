// The job metadata the calling agent receives with its dispatch: everything it needs to hold the
// conversation and to report back. The contract, shared with the `agent/` worker and the simulator, is
// shared/contracts/agent-dispatch.ts; this file only fills it in from a call.
import type { DispatchMetadataSent } from '@/shared/contracts/agent-dispatch';
import type { CallContext } from './types';

export function agentReportUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, '')}/api/livekit/agent-report`;
}

export function agentDispatchMetadataFor(call: CallContext, report: { url: string; token: string }): DispatchMetadataSent {
  const { campaign, lead } = call;
  const disclosure = campaign.recordCalls && campaign.recordingDisclosure.trim() ? campaign.recordingDisclosure : null;
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
    recording_disclosure: disclosure,
    recording_disclosure_first: !!disclosure && !!campaign.recordingDisclosureFirst,
    voicemail_message: campaign.voicemailMessage?.trim() ? campaign.voicemailMessage : null,
    report_url: report.url,
    report_token: report.token,
  };
}
