'use client';
import * as React from 'react';
import { Headphones, PhoneCall } from 'lucide-react';
import { CallStatusBadge } from '@/components/status-badges';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDuration } from '@/lib/client/format';
import type { CampaignStatus, LiveCall } from '@/lib/client/types';
import { ListenDialog } from './listen-dialog';
import { useNow } from '@/lib/client/use-now';
import { useCan } from '@/lib/client/queries/workspaces';

function since(iso: string | null, now: number) {
  return iso ? formatDuration(Math.max(0, (now - new Date(iso).getTime()) / 1000)) : '—';
}

export function LiveCalls({ calls, status }: { calls: LiveCall[]; status: CampaignStatus }) {
  const now = useNow();
  const [listening, setListening] = React.useState<string | null>(null);
  // Listen-in is for managers and owners; a viewer sees the calls only.
  const canListen = useCan('calls.listen');

  return (
    <Card data-testid="live-calls">
      <CardHeader className="flex-row items-center justify-between gap-2">
        <div className="space-y-1">
          <CardTitle className="flex items-center gap-2">
            Live calls
            {calls.length > 0 && (
              <span className="rounded-full bg-success/15 px-2 py-0.5 text-xs font-semibold text-success tabular-nums" aria-label={`${calls.length} in flight`}>
                {calls.length}
              </span>
            )}
          </CardTitle>
          <CardDescription>Calls in flight right now, updated every few seconds.</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {calls.length === 0 ? (
          <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed py-8 text-center text-sm text-muted-foreground">
            <PhoneCall className="size-5" aria-hidden />
            {status === 'active' ? 'No call in flight at this moment. The next one starts as soon as a lead can be called.' : 'Calls appear here while the campaign is running.'}
          </div>
        ) : (
          <ul className="divide-y" aria-live="polite" aria-label="Calls in flight">
            {calls.map((call) => {
              const answered = call.status === 'in_progress';
              return (
                <li key={call.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 py-3" data-testid="live-call">
                  <div className="min-w-0 basis-full sm:basis-0 sm:flex-1">
                    <p className="truncate font-medium">{call.leadName}</p>
                    <p className="text-xs text-muted-foreground">
                      {call.phone} · attempt {call.attemptNumber}
                    </p>
                  </div>
                  <CallStatusBadge status={call.status} />
                  <span className="ml-auto w-16 text-right text-sm tabular-nums text-muted-foreground sm:ml-0" title={answered ? 'Talking for' : 'Dialing for'}>
                    {answered ? since(call.answeredAt, now) : since(call.dialedAt, now)}
                  </span>
                  {canListen && (
                    <Button size="sm" variant={answered ? 'default' : 'outline'} disabled={!answered} onClick={() => setListening(call.id)} aria-label={`Listen to the call with ${call.leadName}`}>
                      <Headphones aria-hidden /> Listen
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
      <ListenDialog callId={listening} liveCalls={calls} onClose={() => setListening(null)} />
    </Card>
  );
}
