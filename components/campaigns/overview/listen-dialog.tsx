'use client';
import * as React from 'react';
import dynamic from 'next/dynamic';
import { Headphones, Loader2 } from 'lucide-react';
import { CallStatusBadge } from '@/components/status-badges';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { useListenToken } from '@/lib/client/queries/calls';
import type { LiveCall } from '@/lib/client/types';

const ListenRoom = dynamic(() => import('./listen-room'), { ssr: false, loading: () => <p className="text-sm text-muted-foreground">Loading audio…</p> });

type Props = { callId: string | null; liveCalls: LiveCall[]; onClose: () => void };

/** Listen in on an answered call; the call's state keeps updating from the progress poll. */
export function ListenDialog({ callId, liveCalls, onClose }: Props) {
  const token = useListenToken();
  const { mutate, reset } = token;
  const call = liveCalls.find((c) => c.id === callId);
  // The call leaves the live list when it ends; the dialog keeps showing who it was with.
  const [lastSeen, setLastSeen] = React.useState<LiveCall | undefined>(call);
  if (call && call !== lastSeen) setLastSeen(call);

  React.useEffect(() => {
    if (!callId) return;
    reset();
    mutate(callId);
  }, [callId, mutate, reset]);

  const shown = call ?? lastSeen;
  const ended = !!callId && !call;

  return (
    <Dialog open={!!callId} onOpenChange={(open) => !open && onClose()}>
      <DialogContent data-testid="listen-dialog">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <Headphones className="size-5 text-primary" aria-hidden />
            Listening to {shown?.leadName ?? 'the call'}
          </DialogTitle>
          <DialogDescription>You hear both sides; the lead and the agent cannot hear you.</DialogDescription>
        </DialogHeader>
        <div className="flex items-center justify-between rounded-lg border p-3 text-sm">
          <div>
            <p className="font-medium">{shown?.leadName}</p>
            <p className="text-xs text-muted-foreground">{shown?.phone}</p>
          </div>
          {ended ? <span className="text-sm text-muted-foreground">Call ended</span> : call && <CallStatusBadge status={call.status} />}
        </div>
        <div aria-live="polite">
          {token.isPending && (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <Loader2 className="size-4 animate-spin" aria-hidden /> Getting a listen-only pass…
            </p>
          )}
          {token.isError && <p className="text-sm text-destructive">{token.error.message}</p>}
          {token.data?.simulated && (
            <p className="rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="simulated-notice">
              This call runs on the built-in simulator, which carries no audio. Its state above still changes live as the call moves on.
            </p>
          )}
          {token.data && !token.data.simulated && !ended && <ListenRoom url={token.data.url} token={token.data.token} onLeft={() => undefined} />}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Stop listening
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
