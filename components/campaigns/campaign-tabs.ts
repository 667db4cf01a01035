// Plain module (not 'use client') so the server page can read the list as a value.
export const campaignTabs = ['overview', 'leads', 'calls', 'analytics', 'compliance'] as const;
export type CampaignTab = (typeof campaignTabs)[number];
