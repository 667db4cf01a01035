import type { CampaignBody } from '@/lib/client/queries/campaigns';
export type { Campaign, QualificationCriterion } from '@/lib/client/types';

/** What the form sends: the create body's fields, some left out when empty. */
export type CampaignBodyInput = CampaignBody;
