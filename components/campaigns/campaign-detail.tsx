'use client';
import * as React from 'react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { ArrowLeft, BarChart3, LayoutDashboard, PhoneCall, ShieldCheck, Users, type LucideIcon } from 'lucide-react';
import { CallsTab } from '@/components/calls/calls-tab';
import { ComplianceTab } from '@/components/compliance/compliance-tab';
import { ErrorState } from '@/components/empty-state';
import { LeadsTab } from '@/components/leads/leads-tab';
import { PageHeader } from '@/components/page-header';
import { CampaignStatusBadge } from '@/components/status-badges';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useCampaign } from '@/lib/client/queries/campaigns';
import { CampaignActions } from './campaign-actions';
import { campaignTabs, type CampaignTab } from './campaign-tabs';

// Charts (recharts) load only when the Analytics tab is first opened.
const AnalyticsTab = dynamic(() => import('@/components/analytics/analytics-tab').then((m) => m.AnalyticsTab), {
  loading: () => <Skeleton className="h-96 w-full rounded-xl" />,
});
import { OverviewTab } from './overview/overview-tab';

const tabLook: Record<CampaignTab, { label: string; icon: LucideIcon }> = {
  overview: { label: 'Overview', icon: LayoutDashboard },
  leads: { label: 'Leads', icon: Users },
  calls: { label: 'Calls', icon: PhoneCall },
  analytics: { label: 'Analytics', icon: BarChart3 },
  compliance: { label: 'Compliance', icon: ShieldCheck },
};

export function CampaignDetail({ id, initialTab }: { id: string; initialTab: CampaignTab }) {
  const campaign = useCampaign(id);
  const [tab, setTab] = React.useState<CampaignTab>(initialTab);

  function changeTab(value: string) {
    setTab(value as CampaignTab);
    const url = new URL(window.location.href);
    if (value === 'overview') url.searchParams.delete('tab');
    else url.searchParams.set('tab', value);
    window.history.replaceState(null, '', url);
  }

  const back = (
    <Link href="/campaigns" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeft className="size-4" aria-hidden /> Campaigns
    </Link>
  );

  if (campaign.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading campaign" className="space-y-6">
        {back}
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-10 w-full" />
        <Skeleton className="h-64 w-full rounded-xl" />
      </div>
    );
  }
  if (campaign.isError) {
    return (
      <div className="space-y-6">
        {back}
        <ErrorState error={campaign.error} onRetry={() => campaign.refetch()} />
      </div>
    );
  }

  const c = campaign.data;
  const live = c.status === 'active';
  const panels: Record<CampaignTab, React.ReactNode> = {
    overview: <OverviewTab campaign={c} />,
    leads: <LeadsTab campaign={c} live={live} />,
    calls: <CallsTab campaignId={c.id} live={live} />,
    analytics: <AnalyticsTab campaign={c} live={live} />,
    compliance: <ComplianceTab campaign={c} live={live} />,
  };
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {c.name} <CampaignStatusBadge status={c.status} />
          </span>
        }
        description={c.description}
        actions={<CampaignActions campaign={c} size="default" layout="detail" />}
      >
        {back}
      </PageHeader>
      <Tabs value={tab} onValueChange={changeTab}>
        <TabsList aria-label="Campaign sections">
          {campaignTabs.map((value) => {
            const { label, icon: Icon } = tabLook[value];
            return (
              <TabsTrigger key={value} value={value}>
                <Icon className="hidden sm:block" aria-hidden /> {label}
              </TabsTrigger>
            );
          })}
        </TabsList>
        {campaignTabs.map((value) => (
          <TabsContent key={value} value={value}>
            {panels[value]}
          </TabsContent>
        ))}
      </Tabs>
    </>
  );
}
