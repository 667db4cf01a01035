'use client';
import * as React from 'react';
import { Search, Upload, Users } from 'lucide-react';
import { EmptyState, ErrorState } from '@/components/empty-state';
import { CursorPagination } from '@/components/cursor-pagination';
import { leadStatusLook } from '@/components/status-badges';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Table, TableBody, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { TableSkeleton } from '@/components/table-skeleton';
import { useLeads } from '@/lib/client/queries/leads';
import { leadStatuses, type Campaign, type LeadStatus } from '@/lib/client/types';
import { useCursorPages } from '@/lib/client/use-cursor-pages';
import { useDebounced } from '@/lib/client/use-debounced';
import { AddLeadDialog } from './add-lead-dialog';
import { CsvImport } from './csv-import';
import { LeadRow } from './lead-row';
import { useCan } from '@/lib/client/queries/workspaces';

const PAGE_SIZE = 25;

export function LeadsTab({ campaign, live }: { campaign: Campaign; live: boolean }) {
  const [search, setSearch] = React.useState('');
  const [status, setStatus] = React.useState<LeadStatus | 'all'>('all');
  const pages = useCursorPages();
  const [importing, setImporting] = React.useState(false);
  const debouncedSearch = useDebounced(search.trim());
  const leads = useLeads(campaign.id, { cursor: pages.cursor, limit: PAGE_SIZE, search: debouncedSearch || undefined, status: status === 'all' ? undefined : status }, { live });

  const filtered = !!debouncedSearch || status !== 'all';
  const noLeadsAtAll = leads.data && leads.data.total === 0 && !filtered;
  const closed = campaign.status === 'completed' || campaign.status === 'cancelled';
  const canEditLeads = useCan('leads.edit');

  // An empty campaign opens the import at once; it stays open to show its report after the upload.
  if (noLeadsAtAll && !importing && canEditLeads) setImporting(true);

  function changeFilters(next: { search?: string; status?: LeadStatus | 'all' }) {
    if (next.search !== undefined) setSearch(next.search);
    if (next.status !== undefined) setStatus(next.status);
    pages.reset();
  }

  return (
    <div className="space-y-4">
      {importing && !closed && canEditLeads && <CsvImport campaignId={campaign.id} onClose={noLeadsAtAll ? undefined : () => setImporting(false)} />}

      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-56 flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input type="search" aria-label="Search leads" placeholder="Search name, phone, company or email" className="pl-9" value={search} onChange={(e) => changeFilters({ search: e.target.value })} />
        </div>
        <Select value={status} onValueChange={(v) => changeFilters({ status: v as LeadStatus | 'all' })}>
          <SelectTrigger className="w-48" aria-label="Filter by lead status">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All statuses</SelectItem>
            {leadStatuses.map((s) => (
              <SelectItem key={s} value={s}>
                {leadStatusLook[s].label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {!closed && canEditLeads && (
          <>
            <AddLeadDialog campaignId={campaign.id} />
            {!importing && (
              <Button onClick={() => setImporting(true)} data-testid="open-import">
                <Upload aria-hidden /> Import CSV
              </Button>
            )}
          </>
        )}
      </div>

      {leads.isPending ? (
        <TableSkeleton />
      ) : leads.isError ? (
        <ErrorState error={leads.error} onRetry={() => leads.refetch()} />
      ) : leads.data.items.length === 0 ? (
        noLeadsAtAll ? (
          <EmptyState icon={Users} title="No leads in this campaign yet">
            Drop a CSV in the box above, or add a lead by hand. The campaign calls them once you press Start.
          </EmptyState>
        ) : (
          <EmptyState icon={Search} title="No lead matches">
            Try another search or status, or{' '}
            <button
              type="button"
              className="font-medium text-primary underline-offset-4 hover:underline"
              onClick={() => changeFilters({ search: '', status: 'all' })}
            >
              clear the filters
            </button>
            .
          </EmptyState>
        )
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Leads">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Lead</TableHead>
                <TableHead>Contact</TableHead>
                <TableHead className="hidden 2xl:table-cell">Time zone</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-center">Attempts</TableHead>
                <TableHead>Last outcome</TableHead>
                <TableHead className="text-right">Score</TableHead>
                <TableHead>When</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {leads.data.items.map((lead) => (
                <LeadRow key={lead.id} lead={lead} campaignId={campaign.id} />
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {leads.data && (leads.data.items.length > 0 || pages.page > 1) && (
        <CursorPagination
          page={pages.page}
          pageSize={PAGE_SIZE}
          shown={leads.data.items.length}
          total={leads.data.total}
          hasNext={!!leads.data.nextCursor}
          onNext={() => leads.data.nextCursor && pages.next(leads.data.nextCursor)}
          onPrevious={pages.previous}
          noun="leads"
        />
      )}
    </div>
  );
}
