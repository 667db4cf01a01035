'use client';
import * as React from 'react';
import Link from 'next/link';
import { Megaphone, Plus } from 'lucide-react';
import { ErrorState, EmptyState } from '@/components/empty-state';
import { Pagination } from '@/components/pagination';
import { CampaignStatusBadge } from '@/components/status-badges';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Progress } from '@/components/ui/progress';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/client/cn';
import { formatNumber, formatPercent } from '@/lib/client/format';
import { useCampaignProgress, useCampaigns } from '@/lib/client/queries/campaigns';
import { useCan } from '@/lib/client/queries/workspaces';
import type { Campaign, CampaignStatus } from '@/lib/client/types';
import { CampaignActions } from './campaign-actions';
import { NextCall } from './next-call';

const filters: { value: CampaignStatus | 'all'; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'paused', label: 'Paused' },
  { value: 'draft', label: 'Drafts' },
  { value: 'completed', label: 'Completed' },
  { value: 'cancelled', label: 'Stopped' },
];

const PAGE_SIZE = 20;

export function CampaignList() {
  const [status, setStatus] = React.useState<CampaignStatus | 'all'>('all');
  const [page, setPage] = React.useState(1);
  const query = useCampaigns({ page, pageSize: PAGE_SIZE, status: status === 'all' ? undefined : status });
  const canCreate = useCan('campaigns.edit');

  return (
    <div className="space-y-4">
      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-1.5">
        {filters.map((f) => (
          <Button
            key={f.value}
            size="sm"
            variant={status === f.value ? 'secondary' : 'ghost'}
            aria-pressed={status === f.value}
            className={cn(status === f.value && 'ring-1 ring-border')}
            onClick={() => {
              setStatus(f.value);
              setPage(1);
            }}
          >
            {f.label}
          </Button>
        ))}
      </div>

      {query.isPending ? (
        <CampaignListSkeleton />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        status === 'all' ? (
          <EmptyState
            icon={Megaphone}
            title="No campaigns yet"
            action={
              canCreate && (
                <Button asChild>
                  <Link href="/campaigns/new">
                    <Plus aria-hidden /> New campaign
                  </Link>
                </Button>
              )
            }
          >
            {canCreate
              ? 'Create a campaign, set when it may call and what makes a lead qualified, import your leads from a CSV, then press Start.'
              : 'This workspace has no campaigns yet. A manager or owner creates them; as a viewer you see them here once they do.'}
          </EmptyState>
        ) : (
          <EmptyState icon={Megaphone} title={`No ${filters.find((f) => f.value === status)?.label.toLowerCase()} campaigns`}>
            Pick another status above to see the rest of your campaigns.
          </EmptyState>
        )
      ) : (
        <>
          <ul className="grid gap-3" aria-label="Campaigns" data-testid="campaign-list">
            {query.data.items.map((c) => (
              <CampaignRow key={c.id} campaign={c} />
            ))}
          </ul>
          {query.data.total > PAGE_SIZE && <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPageChange={setPage} noun="campaigns" />}
        </>
      )}
    </div>
  );
}

function Stat({ label, value, className }: { label: string; value: number; className?: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn('text-sm font-semibold tabular-nums', className)}>{formatNumber(value)}</dd>
    </div>
  );
}

function CampaignRow({ campaign }: { campaign: Campaign }) {
  // The stored counters are refreshed by a job; an open campaign's own progress is exact and live.
  const open = campaign.status === 'draft' || campaign.status === 'active' || campaign.status === 'paused';
  // A draft's or paused campaign's next window opening comes from the same answer, so it is read again now and then.
  const live = useCampaignProgress(campaign.id, { enabled: open, intervalMs: campaign.status === 'active' ? 5000 : 60_000 });
  const progress = live.data ?? campaign.progress;
  return (
    <li>
      <Card className="grid gap-4 p-4 transition-shadow hover:shadow-sm lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1.4fr)_minmax(0,1.2fr)_auto] lg:items-center" data-testid="campaign-row">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/campaigns/${campaign.id}`} className="truncate font-semibold hover:underline focus-visible:underline">
              {campaign.name}
            </Link>
            <CampaignStatusBadge status={campaign.status} />
          </div>
          <p className="line-clamp-1 text-sm text-muted-foreground">{campaign.description || 'No description'}</p>
        </div>

        <div className="space-y-2">
          <div className="flex items-center justify-between text-xs">
            <span className="text-muted-foreground">Progress</span>
            <span className="font-medium tabular-nums">{formatPercent(progress.percent)}</span>
          </div>
          <Progress value={progress.percent} aria-label={`${campaign.name} progress`} />
          <dl className="grid grid-cols-3 gap-2">
            <Stat label="Called" value={progress.called} />
            <Stat label="Qualified" value={progress.successful} className="text-success" />
            <Stat label="Remaining" value={progress.remaining} />
          </dl>
        </div>

        <NextCall campaign={campaign} progress={live.data} />

        <div className="flex justify-end">
          <CampaignActions campaign={campaign} />
        </div>
      </Card>
    </li>
  );
}

function CampaignListSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading campaigns">
      {Array.from({ length: 3 }, (_, i) => (
        <Card key={i} className="grid gap-4 p-4 lg:grid-cols-[1.6fr_1.4fr_1.2fr_auto] lg:items-center">
          <div className="space-y-2">
            <Skeleton className="h-5 w-48" />
            <Skeleton className="h-4 w-64" />
          </div>
          <div className="space-y-2">
            <Skeleton className="h-2 w-full" />
            <Skeleton className="h-8 w-full" />
          </div>
          <Skeleton className="h-9 w-40" />
          <Skeleton className="h-8 w-24" />
        </Card>
      ))}
    </div>
  );
}
