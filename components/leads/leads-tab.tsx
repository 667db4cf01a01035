'use client';
import * as React from 'react';
import { Search, Upload, Users } from 'lucide-react';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { FilterSelect } from '@/components/filter-select';
import { leadStatusLook } from '@/components/status-badges';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useLeads } from '@/lib/client/queries/leads';
import { leadStatuses, type Campaign, type Lead, type LeadStatus } from '@/lib/client/types';
import { useCursorPages } from '@/lib/client/use-cursor-pages';
import { useDebounced } from '@/lib/client/use-debounced';
import { AddLeadDialog } from './add-lead-dialog';
import { CsvImport } from './csv-import';
import { LeadRow } from './lead-row';
import { useCan } from '@/lib/client/queries/workspaces';

const PAGE_SIZE = 25;

// Each row is a LeadRow (it edits in place), so the columns give the headings only.
const columns: DataTableColumn<Lead>[] = [
  { header: 'Lead' },
  { header: 'Contact' },
  { header: 'Time zone', headClassName: 'hidden 2xl:table-cell' },
  { header: 'Status' },
  { header: 'Attempts', headClassName: 'text-center' },
  { header: 'Last outcome' },
  { header: 'Score', headClassName: 'text-right' },
  { header: 'When' },
  { header: 'Actions', srOnly: true },
];

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
        <FilterSelect
          className="w-48"
          label="Filter by lead status"
          allLabel="All statuses"
          options={leadStatuses.map((s) => ({ value: s, label: leadStatusLook[s].label }))}
          value={status}
          onChange={(v) => changeFilters({ status: v })}
        />
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

      <DataTable
        label="Leads"
        query={leads}
        columns={columns}
        loadingColumns={6}
        rowKey={(lead) => lead.id}
        renderRow={(lead) => <LeadRow lead={lead} campaignId={campaign.id} />}
        empty={
          noLeadsAtAll ? (
            <EmptyState icon={Users} title="No leads in this campaign yet">
              Drop a CSV in the box above, or add a lead by hand. The campaign calls them once you press Start.
            </EmptyState>
          ) : (
            <EmptyState icon={Search} title="No lead matches">
              Try another search or status, or{' '}
              <button type="button" className="font-medium text-primary underline-offset-4 hover:underline" onClick={() => changeFilters({ search: '', status: 'all' })}>
                clear the filters
              </button>
              .
            </EmptyState>
          )
        }
        cursor={{ pages, pageSize: PAGE_SIZE, noun: 'leads' }}
      />
    </div>
  );
}
