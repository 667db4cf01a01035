'use client';
import * as React from 'react';
import { PhoneCall, SearchX } from 'lucide-react';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { FilterSelect } from '@/components/filter-select';
import { CallStatusBadge, OutcomeBadge, callStatusLook } from '@/components/status-badges';
import { formatDateTime, formatDuration, formatMoney, humanize } from '@/lib/client/format';
import { useCampaign } from '@/lib/client/queries/campaigns';
import { useAnalytics, useCalls } from '@/lib/client/queries/calls';
import { callStatuses, type Call, type CallStatus } from '@/lib/client/types';
import { useCursorPages } from '@/lib/client/use-cursor-pages';
import { callOutcomes } from '@/shared/call-outcomes';
import { CallDrawer } from './call-drawer';

const PAGE_SIZE = 25;

export function CallsTab({ campaignId, live }: { campaignId: string; live: boolean }) {
  const [status, setStatus] = React.useState<CallStatus | 'all'>('all');
  const [outcome, setOutcome] = React.useState<string>('all');
  const pages = useCursorPages();
  const [openCall, setOpenCall] = React.useState<string | null>(null);
  const calls = useCalls(campaignId, { cursor: pages.cursor, limit: PAGE_SIZE, status: status === 'all' ? undefined : status, outcome: outcome === 'all' ? undefined : outcome }, { live });
  const analytics = useAnalytics(campaignId);
  const campaign = useCampaign(campaignId);
  // "pending" in the analytics is a call without an outcome yet, not an outcome to filter by.
  const outcomes = [...new Set([...Object.keys(analytics.data?.byOutcome ?? {}), ...callOutcomes])].filter((o) => o !== 'pending');
  const filtered = status !== 'all' || outcome !== 'all';
  const columns: DataTableColumn<Call>[] = [
    {
      header: 'Lead',
      cell: (call) => (
        <>
          <button
            type="button"
            className="whitespace-nowrap text-left font-medium hover:underline focus-visible:underline"
            onClick={(e) => {
              e.stopPropagation();
              setOpenCall(call.id);
            }}
            aria-label={`Open call with ${call.leadName}, attempt ${call.attemptNumber}`}
          >
            {call.leadName}
          </button>
          <p className="font-mono text-xs text-muted-foreground">{call.phone}</p>
        </>
      ),
    },
    { header: 'Status', cell: (call) => <CallStatusBadge status={call.status} /> },
    { header: 'Outcome', cell: (call) => <OutcomeBadge outcome={call.outcome} /> },
    { header: 'Attempt', headClassName: 'text-center', className: 'text-center tabular-nums', cell: (call) => call.attemptNumber },
    { header: 'Duration', headClassName: 'text-right', className: 'text-right tabular-nums', cell: (call) => formatDuration(call.durationSeconds) },
    { header: 'Score', headClassName: 'text-right', className: 'text-right font-medium tabular-nums', cellProps: () => ({ 'data-testid': 'call-score' }), cell: (call) => (call.score === null ? '—' : Math.round(call.score)) },
    { header: 'Cost', headClassName: 'text-right', className: 'text-right tabular-nums text-muted-foreground', cell: (call) => formatMoney(call.cost) },
    { header: 'Time', className: 'whitespace-nowrap text-xs text-muted-foreground', cell: (call) => formatDateTime(call.dialedAt ?? call.createdAt) },
  ];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <FilterSelect
          className="w-44"
          label="Filter by call status"
          allLabel="All statuses"
          options={callStatuses.map((s) => ({ value: s, label: callStatusLook[s].label }))}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
        />
        <FilterSelect
          className="w-48"
          label="Filter by outcome"
          allLabel="All outcomes"
          options={outcomes.map((o) => ({ value: o, label: humanize(o) }))}
          value={outcome}
          onChange={(v) => {
            setOutcome(v);
            pages.reset();
          }}
        />
      </div>

      <DataTable
        label="Calls"
        query={calls}
        columns={columns}
        loadingColumns={7}
        rowKey={(call) => call.id}
        rowTestId="call-row"
        rowProps={(call) => ({ className: 'cursor-pointer', onClick: () => setOpenCall(call.id), 'data-outcome': call.outcome ?? undefined })}
        empty={
          filtered ? (
            <EmptyState icon={SearchX} title="No call matches these filters">
              Choose “All statuses” and “All outcomes” to see every call.
            </EmptyState>
          ) : (
            <EmptyState icon={PhoneCall} title="No calls yet">
              Calls appear here as soon as the campaign places them. Start the campaign from the top of the page.
            </EmptyState>
          )
        }
        cursor={{ pages, pageSize: PAGE_SIZE, noun: 'calls' }}
      />
      <CallDrawer
        callId={openCall}
        onClose={() => setOpenCall(null)}
        minScore={campaign.data?.minQualificationScore}
        labels={Object.fromEntries((campaign.data?.qualificationCriteria ?? []).filter((c) => c.label).map((c) => [c.field, c.label as string]))}
      />
    </div>
  );
}
