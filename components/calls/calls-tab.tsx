'use client';
import * as React from 'react';
import { PhoneCall, SearchX } from 'lucide-react';
import { EmptyState, ErrorState } from '@/components/empty-state';
import { CursorPagination } from '@/components/cursor-pagination';
import { CallStatusBadge, OutcomeBadge, callStatusLook } from '@/components/status-badges';
import { TableSkeleton } from '@/components/table-skeleton';
import { Card } from '@/components/ui/card';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime, formatDuration, formatMoney, humanize } from '@/lib/client/format';
import { useCampaign } from '@/lib/client/queries/campaigns';
import { useAnalytics, useCalls } from '@/lib/client/queries/calls';
import { callStatuses, type CallStatus } from '@/lib/client/types';
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

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Select
          value={status}
          onValueChange={(v) => {
            setStatus(v as CallStatus | 'all');
            pages.reset();
          }}
        >
          <SelectTrigger className="w-44" aria-label="Filter by call status">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All statuses</SelectItem>
            {callStatuses.map((s) => (
              <SelectItem key={s} value={s}>
                {callStatusLook[s].label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select
          value={outcome}
          onValueChange={(v) => {
            setOutcome(v);
            pages.reset();
          }}
        >
          <SelectTrigger className="w-48" aria-label="Filter by outcome">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All outcomes</SelectItem>
            {outcomes.map((o) => (
              <SelectItem key={o} value={o}>
                {humanize(o)}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>

      {calls.isPending ? (
        <TableSkeleton cols={7} />
      ) : calls.isError ? (
        <ErrorState error={calls.error} onRetry={() => calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        filtered ? (
          <EmptyState icon={SearchX} title="No call matches these filters">
            Choose “All statuses” and “All outcomes” to see every call.
          </EmptyState>
        ) : (
          <EmptyState icon={PhoneCall} title="No calls yet">
            Calls appear here as soon as the campaign places them. Start the campaign from the top of the page.
          </EmptyState>
        )
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Calls">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Lead</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Outcome</TableHead>
                <TableHead className="text-center">Attempt</TableHead>
                <TableHead className="text-right">Duration</TableHead>
                <TableHead className="text-right">Score</TableHead>
                <TableHead className="text-right">Cost</TableHead>
                <TableHead>Time</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {calls.data.items.map((call) => (
                <TableRow key={call.id} className="cursor-pointer" onClick={() => setOpenCall(call.id)} data-testid="call-row" data-outcome={call.outcome ?? undefined}>
                  <TableCell>
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
                  </TableCell>
                  <TableCell>
                    <CallStatusBadge status={call.status} />
                  </TableCell>
                  <TableCell>
                    <OutcomeBadge outcome={call.outcome} />
                  </TableCell>
                  <TableCell className="text-center tabular-nums">{call.attemptNumber}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatDuration(call.durationSeconds)}</TableCell>
                  <TableCell className="text-right font-medium tabular-nums" data-testid="call-score">
                    {call.score === null ? '—' : Math.round(call.score)}
                  </TableCell>
                  <TableCell className="text-right tabular-nums text-muted-foreground">{formatMoney(call.cost)}</TableCell>
                  <TableCell className="whitespace-nowrap text-xs text-muted-foreground">{formatDateTime(call.dialedAt ?? call.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {calls.data && (calls.data.items.length > 0 || pages.page > 1) && (
        <CursorPagination
          page={pages.page}
          pageSize={PAGE_SIZE}
          shown={calls.data.items.length}
          total={calls.data.total}
          hasNext={!!calls.data.nextCursor}
          onNext={() => calls.data.nextCursor && pages.next(calls.data.nextCursor)}
          onPrevious={pages.previous}
          noun="calls"
        />
      )}
      <CallDrawer
        callId={openCall}
        onClose={() => setOpenCall(null)}
        minScore={campaign.data?.minQualificationScore}
        labels={Object.fromEntries((campaign.data?.qualificationCriteria ?? []).filter((c) => c.label).map((c) => [c.field, c.label as string]))}
      />
    </div>
  );
}
