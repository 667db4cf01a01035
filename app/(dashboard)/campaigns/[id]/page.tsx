import type { Metadata } from 'next';
import { CampaignDetail } from '@/components/campaigns/campaign-detail';
import { campaignTabs, type CampaignTab } from '@/components/campaigns/campaign-tabs';

export const metadata: Metadata = { title: 'Campaign' };

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string | string[] }> }) {
  const [{ id }, { tab }] = await Promise.all([params, searchParams]);
  const initialTab = campaignTabs.includes(tab as CampaignTab) ? (tab as CampaignTab) : 'overview';
  return <CampaignDetail id={id} initialTab={initialTab} />;
}
