'use client';
import { AlertTriangle, CalendarClock, CheckCircle2, Circle, Moon, TrendingUp } from 'lucide-react';
import { ErrorState } from '@/components/empty-state';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Progress } from '@/components/ui/progress';
import { Skeleton } from '@/components/ui/skeleton';
import { summarizeWindows } from '@/lib/client/call-windows';
import { cn } from '@/lib/client/cn';
import { formatDateTime, formatMoney, formatNumber, formatPercent, formatRelative, humanize } from '@/lib/client/format';
import { useCampaignProgress } from '@/lib/client/queries/campaigns';
import type { Campaign, CampaignProgress } from '@/lib/client/types';
import { LiveCalls } from './live-calls';

export function OverviewTab({ campaign }: { campaign: Campaign }) {
  const progress = useCampaignProgress(campaign.id);
  if (progress.isPending) return <OverviewSkeleton />;
  if (progress.isError) return <ErrorState error={progress.error} onRetry={() => progress.refetch()} />;
  const p = progress.data;
  return (
    <div className="space-y-5" data-testid="overview">
      <EngineNotice campaign={campaign} progress={p} />
      {campaign.status === 'draft' && <ReadyChecklist campaign={campaign} progress={p} />}
      <ProgressCards progress={p} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)]">
        <LiveCalls calls={p.liveCalls} status={p.status} />
        <div className="space-y-5">
          <ScheduleCard campaign={campaign} progress={p} />
          <ForecastCard progress={p} />
        </div>
      </div>
      <ActivityCard progress={p} />
    </div>
  );
}

/** Why the engine paused, or why it is quiet right now. */
function EngineNotice({ campaign, progress }: { campaign: Campaign; progress: CampaignProgress }) {
  const latest = progress.notifications[0];
  if (progress.status === 'paused' && latest && latest.kind.startsWith('paused')) {
    return (
      <div role="status" className="flex gap-3 rounded-xl border border-warning/40 bg-warning/10 p-4" data-testid="pause-reason">
        <AlertTriangle className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden />
        <div className="text-sm">
          <p className="font-semibold">Paused by the engine</p>
          <p className="text-muted-foreground">{latest.message}</p>
          <p className="mt-1 text-xs text-muted-foreground">{formatDateTime(latest.createdAt)} · Fix the cause, then press Resume.</p>
        </div>
      </div>
    );
  }
  if (progress.status === 'active' && !progress.withinWindow && progress.inFlight === 0) {
    return (
      <div role="status" className="flex gap-3 rounded-xl border bg-muted/50 p-4" data-testid="outside-window">
        <Moon className="mt-0.5 size-5 shrink-0 text-muted-foreground" aria-hidden />
        <div className="text-sm">
          <p className="font-semibold">Outside the call windows</p>
          <p className="text-muted-foreground">
            {progress.nextCallAt
              ? `The call windows open again ${formatRelative(progress.nextCallAt)}, ${formatDateTime(progress.nextCallAt, { weekday: 'short', hour: '2-digit', minute: '2-digit' })}.`
              : 'They do not open in the next two weeks.'}{' '}
            Windows: {summarizeWindows(campaign.callWindows)} ({campaign.timezone}).
          </p>
        </div>
      </div>
    );
  }
  return null;
}

function ReadyChecklist({ campaign, progress }: { campaign: Campaign; progress: CampaignProgress }) {
  const items = [
    { done: progress.totalLeads > 0, text: progress.totalLeads > 0 ? `${formatNumber(progress.totalLeads)} leads imported` : 'Import leads from a CSV on the Leads tab' },
    { done: campaign.callWindows.length > 0, text: `Call windows: ${summarizeWindows(campaign.callWindows)}` },
    { done: campaign.qualificationCriteria.length > 0, text: campaign.qualificationCriteria.length ? `${campaign.qualificationCriteria.length} qualification criteria` : 'Add qualification criteria (Edit settings)' },
  ];
  return (
    <Card className="border-primary/30 bg-primary/5" data-testid="ready-checklist">
      <CardHeader>
        <CardTitle>Ready to start?</CardTitle>
        <CardDescription>This campaign is a draft: nothing is called until you press Start.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="space-y-2 text-sm">
          {items.map((item) => (
            <li key={item.text} className="flex items-center gap-2">
              {item.done ? <CheckCircle2 className="size-4 text-success" aria-label="Done" /> : <Circle className="size-4 text-muted-foreground" aria-label="To do" />}
              {item.text}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function Metric({ label, value, sub, className, testId }: { label: string; value: string; sub?: React.ReactNode; className?: string; testId?: string }) {
  return (
    <Card className="p-4">
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <p className={cn('mt-1 text-2xl font-semibold tabular-nums', className)} data-testid={testId}>
        {value}
      </p>
      {sub && <div className="mt-1 text-xs text-muted-foreground">{sub}</div>}
    </Card>
  );
}

function ProgressCards({ progress: p }: { progress: CampaignProgress }) {
  const budgetShare = p.budget ? Math.min(100, (p.spent / p.budget) * 100) : null;
  return (
    <div className="space-y-3">
      <Card className="p-4">
        <div className="mb-2 flex items-baseline justify-between gap-2">
          <p className="text-sm font-medium">Progress</p>
          <p className="text-sm tabular-nums">
            <span className="text-lg font-semibold" data-testid="progress-percent">
              {formatPercent(p.percent)}
            </span>{' '}
            <span className="text-muted-foreground">
              · {formatNumber(p.totalLeads - p.remaining - (p.needsConsent ?? 0))} of {formatNumber(p.totalLeads)} leads done
            </span>
          </p>
        </div>
        <Progress value={p.percent} aria-label="Campaign progress" className="h-2.5" />
      </Card>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Metric label="Called" value={formatNumber(p.called)} sub="leads dialled at least once" testId="metric-called" />
        <Metric label="Qualified" value={formatNumber(p.successful)} className="text-success" sub={p.called ? `${formatPercent((p.successful / p.called) * 100)} of called` : 'none yet'} />
        <Metric label="Remaining" value={formatNumber(p.remaining)} sub="waiting, retrying or on a call" />
        {p.needsConsent > 0 && <Metric label="Need consent" value={formatNumber(p.needsConsent)} className="text-warning" sub="held, not called: no consent record on file" testId="metric-needs-consent" />}
        <Metric label="On a call now" value={formatNumber(p.inFlight)} />
        <Metric label="Calls today" value={formatNumber(p.callsToday)} />
        <Metric
          label="Spent"
          value={formatMoney(p.spent)}
          sub={
            budgetShare === null ? (
              'no budget set'
            ) : (
              <div className="space-y-1">
                <span>of {formatMoney(p.budget)}</span>
                <Progress value={budgetShare} aria-label="Budget used" className="h-1.5" indicatorClassName={budgetShare > 90 ? 'bg-destructive' : undefined} />
              </div>
            )
          }
        />
      </div>
    </div>
  );
}

function ScheduleCard({ campaign, progress: p }: { campaign: Campaign; progress: CampaignProgress }) {
  let headline: string;
  if (p.status === 'completed' || p.status === 'cancelled') headline = 'No more calls';
  else if (p.withinWindow) headline = p.status === 'active' ? 'Inside a call window: calling' : 'Inside a call window';
  // nextCallAt is when the windows next open: a call then only if the campaign is running.
  else if (!p.nextCallAt) headline = 'No call window in the next two weeks';
  else headline = p.status === 'active' ? `Next call ${formatRelative(p.nextCallAt)}` : `Call windows open ${formatRelative(p.nextCallAt)}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <CalendarClock className="size-4 text-muted-foreground" aria-hidden /> Schedule
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-2 text-sm">
        <p className="font-medium" data-testid="next-call">
          {headline}
        </p>
        {p.nextCallAt && !p.withinWindow && <p className="text-muted-foreground">{formatDateTime(p.nextCallAt, { weekday: 'long', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</p>}
        <p className="text-muted-foreground">
          {summarizeWindows(campaign.callWindows)} · {campaign.timezone}
        </p>
      </CardContent>
    </Card>
  );
}

function ForecastCard({ progress: p }: { progress: CampaignProgress }) {
  const { forecast } = p;
  return (
    <Card data-testid="forecast">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <TrendingUp className="size-4 text-muted-foreground" aria-hidden /> Forecast
        </CardTitle>
        <CardDescription>From the pace so far and the call windows ahead.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-3 gap-3 text-sm">
          <div>
            <dt className="text-xs text-muted-foreground">Finishes</dt>
            <dd className="font-semibold">{forecast.finishAt ? formatDateTime(forecast.finishAt, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '—'}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Expected qualified</dt>
            <dd className="font-semibold tabular-nums">{formatNumber(Math.round(forecast.expectedQualified))}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">Pace</dt>
            <dd className="font-semibold tabular-nums">{forecast.pacePerHour ? `${forecast.pacePerHour.toFixed(1)}/h` : '—'}</dd>
          </div>
        </dl>
      </CardContent>
    </Card>
  );
}

function ActivityCard({ progress: p }: { progress: CampaignProgress }) {
  if (!p.notifications.length) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Engine activity</CardTitle>
        <CardDescription>What the engine decided on its own, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="space-y-3">
          {p.notifications.slice(0, 8).map((n) => (
            <li key={n.id} className="flex gap-3 text-sm">
              <span className={cn('mt-1.5 size-2 shrink-0 rounded-full', n.kind.startsWith('paused') ? 'bg-warning' : n.kind === 'completed' ? 'bg-success' : 'bg-primary')} aria-hidden />
              <div className="min-w-0">
                <p>{n.message}</p>
                <p className="text-xs text-muted-foreground">
                  {humanize(n.kind)} · {formatDateTime(n.createdAt)}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

function OverviewSkeleton() {
  return (
    <div className="space-y-5" aria-busy="true" aria-label="Loading progress">
      <Skeleton className="h-20 w-full rounded-xl" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      <div className="grid gap-5 lg:grid-cols-[1.5fr_1fr]">
        <Skeleton className="h-64 rounded-xl" />
        <Skeleton className="h-64 rounded-xl" />
      </div>
    </div>
  );
}
