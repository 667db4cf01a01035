'use client';
import * as React from 'react';
import { RotateCw, Send, Trash2, Webhook } from 'lucide-react';
import { toast } from 'sonner';
import { EmptyState, ErrorState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Switch } from '@/components/ui/switch';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/client/format';
import { useDeleteWebhook, useRetryWebhookDelivery, useSendTestWebhook, useUpdateWebhook, useWebhookDeliveries, useWebhookEndpoints } from '@/lib/client/queries/webhooks';
import type { WebhookDelivery, WebhookEndpoint } from '@/lib/client/types';
import { useCan } from '@/lib/client/queries/workspaces';

const deliveryTone = { delivered: 'success', pending: 'warning', failed: 'danger' } as const;

export function WebhookEndpoints() {
  const endpoints = useWebhookEndpoints();
  if (endpoints.isPending) return <TableSkeleton rows={3} />;
  if (endpoints.isError) return <ErrorState error={endpoints.error} onRetry={() => endpoints.refetch()} />;
  if (endpoints.data.items.length === 0) {
    return (
      <EmptyState icon={Webhook} title="No endpoints yet">
        Add one to receive call, lead, campaign and import events, signed per Standard Webhooks.
      </EmptyState>
    );
  }
  return (
    <div className="grid gap-5">
      {endpoints.data.items.map((endpoint) => (
        <EndpointCard key={endpoint.id} endpoint={endpoint} />
      ))}
    </div>
  );
}

function EndpointCard({ endpoint }: { endpoint: WebhookEndpoint }) {
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useSendTestWebhook();
  const canManage = useCan('webhooks.manage');
  return (
    <Card data-testid="webhook-endpoint">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="min-w-0">
            <CardTitle className="truncate font-mono text-sm">{endpoint.url}</CardTitle>
            <CardDescription>
              {endpoint.description ? `${endpoint.description} · ` : ''}
              {endpoint.events.join(', ')}
            </CardDescription>
          </div>
          <div className="flex items-center gap-2">
            <label className="flex items-center gap-2 text-sm">
              <Switch checked={endpoint.enabled} disabled={!canManage} onCheckedChange={(enabled) => update.mutate({ id: endpoint.id, enabled })} aria-label="Enabled" />
              {endpoint.enabled ? 'Enabled' : 'Disabled'}
            </label>
            {canManage && (
              <>
                <Button size="sm" variant="outline" disabled={!endpoint.enabled || test.isPending} onClick={() => test.mutate(endpoint.id, { onSuccess: () => toast.success('Test event queued') })}>
                  <Send aria-hidden /> Send test event
                </Button>
                <Button size="sm" variant="ghost" aria-label="Delete endpoint" onClick={() => remove.mutate(endpoint.id)}>
                  <Trash2 aria-hidden />
                </Button>
              </>
            )}
          </div>
        </div>
        {endpoint.disabledReason ? <p className="text-sm text-destructive">{endpoint.disabledReason}</p> : null}
      </CardHeader>
      <CardContent>
        <Deliveries endpointId={endpoint.id} enabled={endpoint.enabled} />
      </CardContent>
    </Card>
  );
}

function Deliveries({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const deliveries = useWebhookDeliveries(endpointId);
  const retry = useRetryWebhookDelivery(endpointId);
  const canManage = useCan('webhooks.manage');
  if (deliveries.isPending) return <TableSkeleton rows={2} />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  if (deliveries.data.items.length === 0) return <p className="text-sm text-muted-foreground">No deliveries yet.</p>;
  return (
    <Table aria-label="Recent deliveries">
      <TableHeader>
        <TableRow>
          <TableHead>Event</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Last answer</TableHead>
          <TableHead>Attempts</TableHead>
          <TableHead>When</TableHead>
          <TableHead />
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.data.items.map((d: WebhookDelivery) => (
          <TableRow key={d.id}>
            <TableCell>
              <code>{d.type}</code>
            </TableCell>
            <TableCell>
              <Badge tone={deliveryTone[d.status]}>{d.status}</Badge>
            </TableCell>
            <TableCell title={d.lastError ?? undefined}>{d.lastStatusCode ?? (d.lastError ? 'no answer' : '—')}</TableCell>
            <TableCell title={d.attemptLog.map((a) => `${formatDateTime(a.at)}: ${a.statusCode ?? a.error} (${a.durationMs} ms)`).join('\n')}>{d.attempts}</TableCell>
            <TableCell>{formatDateTime(d.deliveredAt ?? d.createdAt)}{d.nextAttemptAt ? ` · next ${formatDateTime(d.nextAttemptAt)}` : ''}</TableCell>
            <TableCell className="text-right">
              {canManage && (
                <Button size="sm" variant="ghost" disabled={!enabled || retry.isPending} onClick={() => retry.mutate(d.id, { onSuccess: () => toast.success('Sending again') })}>
                  <RotateCw aria-hidden /> Send again
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
