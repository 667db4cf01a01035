'use client';
import * as React from 'react';
import { PhoneOff, Search, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { Pagination } from '@/components/pagination';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { formatDateTime } from '@/lib/client/format';
import { useDncList, useRemoveDnc } from '@/lib/client/queries/dnc';
import { useCan } from '@/lib/client/queries/workspaces';
import type { DncEntry } from '@/lib/client/types';
import { useDebounced } from '@/lib/client/use-debounced';

const PAGE_SIZE = 25;
const sourceLook: Record<string, { label: string; tone: 'neutral' | 'info' | 'danger' }> = {
  manual: { label: 'Added by hand', tone: 'neutral' },
  import: { label: 'Imported', tone: 'info' },
  opt_out: { label: 'Opted out on a call', tone: 'danger' },
};

export function DncList() {
  const [search, setSearch] = React.useState('');
  const [page, setPage] = React.useState(1);
  const [removing, setRemoving] = React.useState<string | null>(null);
  const debounced = useDebounced(search.trim());
  const list = useDncList({ page, pageSize: PAGE_SIZE, search: debounced || undefined });
  const remove = useRemoveDnc();
  const canEdit = useCan('dnc.edit');
  const columns: DataTableColumn<DncEntry>[] = [
    {
      header: 'Number',
      className: 'font-mono text-sm',
      cell: (entry) => (entry.hashed ? <span className="font-sans text-muted-foreground">Erased lead (kept as a hash)</span> : entry.phone),
    },
    { header: 'Reason', className: 'max-w-80 truncate text-muted-foreground', cell: (entry) => entry.reason || '—' },
    {
      header: 'Source',
      cell: (entry) => {
        const look = sourceLook[entry.source] ?? { label: entry.source, tone: 'neutral' as const };
        return <Badge tone={look.tone}>{look.label}</Badge>;
      },
    },
    { header: 'Added', className: 'whitespace-nowrap text-xs text-muted-foreground', cell: (entry) => formatDateTime(entry.createdAt, { dateStyle: 'medium' }) },
    {
      header: 'Actions',
      srOnly: true,
      cell: (entry) =>
        !entry.hashed && canEdit ? (
          <Button variant="ghost" size="icon-sm" aria-label={`Remove ${entry.phone} from the list`} onClick={() => setRemoving(entry.phone)}>
            <Trash2 aria-hidden />
          </Button>
        ) : null,
    },
  ];

  return (
    <div className="space-y-4">
      <div className="relative max-w-md">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
        <Input type="search" aria-label="Search numbers" placeholder="Search numbers or reasons" className="pl-9" value={search} onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
        />
      </div>
      <DataTable
        label="Do-not-call numbers"
        query={list}
        columns={columns}
        loadingColumns={4}
        rowKey={(entry) => entry.phone}
        rowTestId="dnc-row"
        empty={
          debounced ? (
            <EmptyState icon={Search} title={`No number matches “${debounced}”`}>
              Numbers are stored in international format, e.g. +14155550100.
            </EmptyState>
          ) : (
            <EmptyState icon={PhoneOff} title="The do-not-call list is empty">
              {canEdit ? 'Add a number above or upload a CSV. ' : ''}Leads who ask not to be called again during a call are added here automatically.
            </EmptyState>
          )
        }
      />
      {list.data && list.data.total > 0 && <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPageChange={setPage} noun="numbers" />}

      <ConfirmDialog
        open={!!removing}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Remove ${removing} from the list?`}
        description="Your campaigns may call this number again. Only do this if the person agreed to be contacted."
        cancelLabel="Keep it"
        confirmLabel="Remove number"
        onConfirm={() => {
          const phone = removing;
          if (phone) remove.mutate(phone, { onSuccess: () => toast.success(`${phone} removed from the do-not-call list`) });
        }}
      />
    </div>
  );
}
