'use client';
import { BarChart3, Download } from 'lucide-react';
import { EmptyState, ErrorState } from '@/components/empty-state';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDuration, formatMoney, formatNumber, formatPercent } from '@/lib/client/format';
import { useCan } from '@/lib/client/queries/workspaces';
import { useAnalytics } from '@/lib/client/queries/calls';
import type { Campaign } from '@/lib/client/types';
import { ChartCard } from './chart-card';
import { CallsPerHourChart, OutcomesChart, ScoreDistributionChart } from './charts';
import { Funnel } from './funnel';

function Kpi({ label, value, sub }: { label: string; value: string; sub?: string }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {sub && <p className="mt-0.5 text-xs text-muted-foreground">{sub}</p>}
    </Card>
  );
}

function AnalyticsSkeleton() {
  return (
    <div className="space-y-5" aria-busy="true" aria-label="Loading analytics">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-48 rounded-xl" />
      <div className="grid gap-5 lg:grid-cols-2">
        <Skeleton className="h-80 rounded-xl" />
        <Skeleton className="h-80 rounded-xl" />
      </div>
    </div>
  );
}

export function AnalyticsTab({ campaign, live }: { campaign: Campaign; live: boolean }) {
  const analytics = useAnalytics(campaign.id, { live });
  // Viewers may not take personal data away: the export is for managers and owners.
  const canExport = useCan('data.export');

  if (analytics.isPending) return <AnalyticsSkeleton />;
  if (analytics.isError) return <ErrorState error={analytics.error} onRetry={() => analytics.refetch()} />;

  const a = analytics.data;
  if (a.totalCalls === 0) {
    return (
      <EmptyState icon={BarChart3} title="No calls to analyse yet">
        Outcomes, connect rate, scores and cost appear here once the campaign has placed its first calls.
      </EmptyState>
    );
  }
  const scored = a.scoreDistribution.reduce((n, b) => n + b.count, 0);
  // The API counts calls still in flight under "pending"; this chart is about how calls ended.
  const finished = Object.fromEntries(Object.entries(a.byOutcome).filter(([outcome]) => outcome !== 'pending'));
  return (
    <div className="space-y-5" data-testid="analytics">
      {canExport && (
        <div className="flex justify-end">
          <Button variant="outline" asChild>
            <a href={`/api/campaigns/${campaign.id}/calls/export`} download data-testid="export-calls">
              <Download aria-hidden /> Export calls (CSV)
            </a>
          </Button>
        </div>
      )}
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Kpi label="Calls placed" value={formatNumber(a.totalCalls)} />
        <Kpi label="Connect rate" value={formatPercent(a.connectRate * 100)} sub={`${formatNumber(a.connected)} answered`} />
        <Kpi label="Average call" value={formatDuration(a.averageDurationSeconds)} />
        <Kpi label="Qualified" value={formatNumber(a.qualified)} sub={a.funnel.connected ? `${formatPercent((a.qualified / a.funnel.connected) * 100)} of connects` : undefined} />
        <Kpi label="Total cost" value={formatMoney(a.totalCost)} />
        <Kpi label="Cost per qualified lead" value={a.costPerQualifiedLead === null ? '—' : formatMoney(a.costPerQualifiedLead)} sub={a.costPerQualifiedLead === null ? 'no qualified lead yet' : undefined} />
      </div>
      <ChartCard title="Funnel" description="How far leads got, and the share that made each step.">
        <Funnel funnel={a.funnel} />
      </ChartCard>
      <div className="grid gap-5 lg:grid-cols-2">
        <ChartCard title="Outcomes" description="How every finished call ended." empty={Object.keys(finished).length === 0 && 'No call has finished yet'}>
          <OutcomesChart byOutcome={finished} />
        </ChartCard>
        <ChartCard title="Score distribution" description={`Scored conversations; green buckets reach the ${campaign.minQualificationScore} needed to qualify.`} empty={scored === 0 && 'No conversation has been scored yet'}>
          <ScoreDistributionChart buckets={a.scoreDistribution} minScore={campaign.minQualificationScore} />
        </ChartCard>
      </div>
      <ChartCard title="Calls and connects by hour" description={`Hour of day in the campaign’s time zone (${campaign.timezone}).`}>
        <CallsPerHourChart callsPerHour={a.callsPerHour} />
      </ChartCard>
    </div>
  );
}
