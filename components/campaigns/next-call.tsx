'use client';
import { Clock } from 'lucide-react';
import { summarizeWindows } from '@/lib/client/call-windows';
import { formatDateTime, formatRelative } from '@/lib/client/format';
import type { Campaign, CampaignProgress } from '@/lib/client/types';
import { useNow } from '@/lib/client/use-now';

/**
 * When a campaign calls next, as the engine answers it in the campaign's progress (`withinWindow`, `nextCallAt`:
 * the next opening of its windows, lib/services/engine/rules/call-windows.ts). The screen does not work it out again.
 */
export function NextCall({ campaign, progress }: { campaign: Campaign; progress?: CampaignProgress }) {
  // Relative times read to the minute, so a coarse tick keeps them honest.
  const now = useNow(10_000);
  const running = campaign.status === 'active';
  const summary = `${summarizeWindows(campaign.callWindows)} (${campaign.timezone})`;

  let line: string;
  if (campaign.status === 'completed' || campaign.status === 'cancelled') line = 'No more calls';
  else if (!progress) line = 'Checking call windows…';
  else if (running) {
    if (progress.inFlight > 0 || progress.withinWindow) line = 'Calling now';
    else line = progress.nextCallAt ? `Next call ${formatRelative(progress.nextCallAt, now)}` : 'No call window in the next two weeks';
  } else if (!progress.nextCallAt) line = 'No call window in the next two weeks';
  // A paused or draft campaign's progress is re-read each minute: an opening that has come since reads as open.
  else if (progress.withinWindow || Date.parse(progress.nextCallAt) <= now) line = 'Window open now';
  else line = `Window opens ${formatRelative(progress.nextCallAt, now)}`;

  const title = progress?.nextCallAt && !progress.withinWindow ? formatDateTime(progress.nextCallAt) : undefined;
  return (
    <div className="min-w-0 text-sm">
      <p className="flex items-center gap-1.5 font-medium" title={title}>
        <Clock className="size-3.5 shrink-0 text-muted-foreground" aria-hidden />
        {line}
      </p>
      <p className="truncate text-xs text-muted-foreground" title={summary}>
        {summary}
      </p>
    </div>
  );
}
