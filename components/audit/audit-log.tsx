'use client';
import * as React from 'react';
import { History } from 'lucide-react';
import { EmptyState, ErrorState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/client/format';
import { useAuditLog } from '@/lib/client/queries/audit';
import { useCampaigns } from '@/lib/client/queries/campaigns';
import type { AuditEntry } from '@/lib/client/types';
import { AUDIT_ACTIONS } from '@/shared/audit-actions';

const PAGE_SIZE = 50;

function detailsText(details: AuditEntry['details']): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

/** The workspace's audit trail, newest first: filter by action and campaign, then page on with the cursor. */
export function AuditLog() {
  const [action, setAction] = React.useState('');
  const [campaignId, setCampaignId] = React.useState('');
  // The cursors of the pages before this one, so "Previous" can go back without an offset.
  const [cursors, setCursors] = React.useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const audit = useAuditLog({ action: action || undefined, campaignId: campaignId || undefined, cursor, limit: PAGE_SIZE });
  const campaigns = useCampaigns({ page: 1, pageSize: 100 });

  const filter = (set: (value: string) => void) => (e: React.ChangeEvent<HTMLSelectElement>) => {
    set(e.target.value);
    setCursors([]);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor="audit-action">Action</Label>
          <NativeSelect id="audit-action" className="w-56" value={action} onChange={filter(setAction)}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-campaign">Campaign</Label>
          <NativeSelect id="audit-campaign" className="w-56" value={campaignId} onChange={filter(setCampaignId)}>
            <option value="">All campaigns</option>
            {campaigns.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {audit.isPending ? (
        <TableSkeleton cols={5} />
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => audit.refetch()} />
      ) : audit.data.items.length === 0 ? (
        <EmptyState icon={History} title="Nothing recorded">
          {action || campaignId ? 'No entries match these filters.' : 'Changes in this workspace appear here.'}
        </EmptyState>
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Audit log">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Time</TableHead>
                <TableHead>Actor</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>Campaign</TableHead>
                <TableHead>Details</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {audit.data.items.map((entry) => (
                <TableRow key={entry.id} data-testid="audit-row">
                  <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(entry.at)}</TableCell>
                  <TableCell>
                    {entry.actor ? (
                      <>
                        <div className="font-medium">{entry.actor.name || entry.actor.email || entry.actor.id}</div>
                        {entry.actor.email && <div className="text-xs text-muted-foreground">{entry.actor.email}</div>}
                      </>
                    ) : (
                      <span className="text-muted-foreground">The engine</span>
                    )}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{entry.action}</TableCell>
                  <TableCell>{entry.campaign ? (entry.campaign.name ?? <span className="text-muted-foreground">deleted campaign</span>) : ''}</TableCell>
                  <TableCell className="max-w-md truncate text-xs text-muted-foreground" title={detailsText(entry.details)}>
                    {detailsText(entry.details)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <div className="flex justify-end gap-2">
        <Button variant="outline" size="sm" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </Button>
        <Button
          variant="outline"
          size="sm"
          disabled={!audit.data?.nextCursor || audit.isFetching}
          onClick={() => {
            const next = audit.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          Next page
        </Button>
      </div>
    </div>
  );
}
