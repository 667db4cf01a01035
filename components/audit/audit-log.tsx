'use client';
import * as React from 'react';
import { History } from 'lucide-react';
import { DataTable, type DataTableColumn } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { NativeSelect } from '@/components/ui/native-select';
import { formatDateTime } from '@/lib/client/format';
import { useAuditLog } from '@/lib/client/queries/audit';
import { useCampaigns } from '@/lib/client/queries/campaigns';
import type { AuditEntry } from '@/lib/client/types';
import { useCursorPages } from '@/lib/client/use-cursor-pages';
import { AUDIT_ACTIONS } from '@/shared/audit-actions';

const PAGE_SIZE = 50;

function detailsText(details: AuditEntry['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

const columns: DataTableColumn<AuditEntry>[] = [
  { header: 'Time', className: 'whitespace-nowrap text-muted-foreground', cell: (entry) => formatDateTime(entry.at) },
  {
    header: 'Actor',
    cell: (entry) =>
      entry.actor ? (
        <>
          <div className="font-medium">{entry.actor.name || entry.actor.email || entry.actor.id}</div>
          {entry.actor.email && <div className="text-xs text-muted-foreground">{entry.actor.email}</div>}
        </>
      ) : (
        <span className="text-muted-foreground">The engine</span>
      ),
  },
  { header: 'Action', className: 'font-mono text-xs', cell: (entry) => entry.action },
  { header: 'Campaign', cell: (entry) => (entry.campaign ? (entry.campaign.name ?? <span className="text-muted-foreground">deleted campaign</span>) : '') },
  { header: 'Details', className: 'max-w-md truncate text-xs text-muted-foreground', cellProps: (entry) => ({ title: detailsText(entry.details) }), cell: (entry) => detailsText(entry.details) },
];

/** The workspace's audit trail, newest first: filter by action and campaign, then page on with the cursor. */
export function AuditLog() {
  const [action, setAction] = React.useState('');
  const [campaignId, setCampaignId] = React.useState('');
  const pages = useCursorPages();
  const audit = useAuditLog({ action: action || undefined, campaignId: campaignId || undefined, cursor: pages.cursor, limit: PAGE_SIZE });
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });

  const filter = (set: (value: string) => void) => (e: React.ChangeEvent<HTMLSelectElement>) => {
    set(e.target.value);
    pages.reset();
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <Field id="audit-action" label="Action">
          {(p) => (
            <NativeSelect {...p} className="w-56" value={action} onChange={filter(setAction)}>
              <option value="">All actions</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field id="audit-campaign" label="Campaign">
          {(p) => (
            <NativeSelect {...p} className="w-56" value={campaignId} onChange={filter(setCampaignId)}>
              <option value="">All campaigns</option>
              {campaigns.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      </div>
      <DataTable
        label="Audit log"
        query={audit}
        columns={columns}
        rowKey={(entry) => entry.id}
        rowTestId="audit-row"
        empty={
          <EmptyState icon={History} title="Nothing recorded">
            {action || campaignId ? 'No entries match these filters.' : 'Changes in this workspace appear here.'}
          </EmptyState>
        }
      />
      <div className="flex justify-end gap-2">
        <Button variant="outline" size="sm" disabled={pages.page <= 1} onClick={pages.previous}>
          Previous page
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={!audit.data?.nextCursor || audit.isFetching}
          onClick={() => {
            const next = audit.data?.nextCursor;
            if (next) pages.next(next);
          }}
        >
          Next page
        </Button>
      </div>
    </div>
  );
}
