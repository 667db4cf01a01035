// A campaign's configuration as the compliance decision reads it.
import type { CampaignConfig } from '@/lib/services/campaigns/config';
import type { ComplianceCampaign } from './decide-for-lead';

export function complianceCampaignOf(config: CampaignConfig): ComplianceCampaign {
  return {
    timezone: config.timezone,
    callWindows: config.callWindows,
    defaultRegion: config.defaultRegion ?? 'US',
    // Campaigns stored before consent bases existed get the strictest, as the config's default does.
    consentBasis: config.consentBasis ?? 'prior_express_written_consent',
    recordCalls: config.recordCalls ?? false,
    recordingDisclosure: config.recordingDisclosure ?? null,
  };
}
