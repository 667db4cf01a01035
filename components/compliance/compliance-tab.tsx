'use client';
import * as React from 'react';
import { Download, RefreshCw, ShieldAlert, ShieldCheck } from 'lucide-react';
import { CallDrawer } from '@/components/calls/call-drawer';
import { EmptyState, ErrorState } from '@/components/empty-state';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime, formatNumber } from '@/lib/client/format';
import { useComplianceReport } from '@/lib/client/queries/compliance';
import { useCan } from '@/lib/client/queries/workspaces';
import type { Campaign } from '@/lib/client/types';
import { ReasonList, recordingLabel, ruleLabel } from './compliance-bits';

function Counts({ counts, label, empty }: { counts: Record<string, number>; label: (key: string) => string; empty: string }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">{empty}</p>;
  return (
    <ul className="grid gap-1.5 text-sm">
      {entries.map(([key, n]) => (
        <li key={key} className="flex items-center justify-between gap-3">
          <span className="truncate">{label(key)}</span>
          <span className="font-medium tabular-nums">{formatNumber(n)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A campaign's calls seen by compliance: the rules their evidence applied, and any call the rules would refuse. */
export function ComplianceTab({ campaign, live }: { campaign: Campaign; live: boolean }) {
  const report = useComplianceReport(campaign.id);
  // Viewers may not take personal data away: the evidence download is for managers and owners.
  const canExport = useCan('data.export');
  const [openCall, setOpenCall] = React.useState<string | null>(null);

  if (report.isPending) return <Skeleton className="h-96 w-full rounded-xl" aria-label="Loading compliance report" />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  const r = report.data;
  const none = r.callsPlaced === 0 ? 'No calls yet' : 'No call carries evidence';

  return (
    <div className="space-y-5" data-testid="compliance-tab">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">Every call stores why it was lawful when it was placed. The report checks that evidence again against the rules table.</p>
        <div className="flex flex-wrap gap-2">
          {live && (
            <Button variant="ghost" onClick={() => report.refetch()} disabled={report.isFetching} data-testid="refresh-compliance">
              <RefreshCw className={report.isFetching ? 'animate-spin' : undefined} aria-hidden /> Refresh
            </Button>
          )}
          {canExport && (
            <Button variant="outline" asChild>
              <a href={`/api/campaigns/${campaign.id}/compliance/export`} download data-testid="export-evidence">
                <Download aria-hidden /> Download evidence (CSV)
              </a>
            </Button>
          )}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
        <Card className="p-4">
          <p className="text-xs font-medium text-muted-foreground">Calls placed</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="calls-placed">
            {formatNumber(r.callsPlaced)}
          </p>
          <p className="mt-0.5 text-xs text-muted-foreground">{formatNumber(r.callsWithEvidence)} with evidence</p>
        </Card>
        <Card className="p-4">
          <p className="text-xs font-medium text-muted-foreground">Violations</p>
          <p className={r.violationCount ? 'mt-1 text-2xl font-semibold text-destructive tabular-nums' : 'mt-1 text-2xl font-semibold text-success tabular-nums'}>{formatNumber(r.violationCount)}</p>
        </Card>
        <Card className="col-span-2 p-4 md:col-span-1">
          <p className="text-xs font-medium text-muted-foreground">Jurisdictions</p>
          <div className="mt-2">
            <Counts counts={r.byJurisdiction} label={(k) => k} empty={none} />
          </div>
        </Card>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>By rule</CardTitle>
            <CardDescription>Calls whose check applied each rule.</CardDescription>
          </CardHeader>
          <CardContent>
            <Counts counts={r.byRule} label={ruleLabel} empty={none} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recording</CardTitle>
            <CardDescription>What each call did about recording consent.</CardDescription>
          </CardHeader>
          <CardContent>
            <Counts counts={r.recording} label={recordingLabel} empty={none} />
          </CardContent>
        </Card>
      </div>
      <section aria-labelledby="violations-title" className="space-y-3">
        <h3 id="violations-title" className="text-base font-semibold">
          Violations
        </h3>
        {r.violations.length === 0 ? (
          <EmptyState icon={ShieldCheck} title="No violations">
            {r.callsPlaced ? `All ${formatNumber(r.callsPlaced)} calls carry evidence the rules still accept.` : 'Calls appear here if their stored evidence breaks a time, cap or consent rule.'}
          </EmptyState>
        ) : (
          <ul className="grid gap-3" data-testid="violations">
            {r.violations.map((v) => (
              <li key={v.callId}>
                <Card className="p-4">
                  <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                    <span className="flex items-center gap-2">
                      <ShieldAlert className="size-4 text-destructive" aria-hidden />
                      <span className="font-mono text-sm">{v.phone}</span>
                      <Badge tone="neutral">{v.checkedAt ? formatDateTime(v.checkedAt, { dateStyle: 'medium', timeStyle: 'short' }) : 'never checked'}</Badge>
                    </span>
                    <Button variant="ghost" size="sm" onClick={() => setOpenCall(v.callId)}>
                      View call
                    </Button>
                  </div>
                  <ReasonList reasons={v.reasons} />
                </Card>
              </li>
            ))}
          </ul>
        )}
        {r.violationsTruncated && <p className="text-sm text-muted-foreground">Showing the first {formatNumber(r.violations.length)} of {formatNumber(r.violationCount)}: download the evidence for all of them.</p>}
      </section>
      <CallDrawer callId={openCall} onClose={() => setOpenCall(null)} minScore={campaign.minQualificationScore} />
    </div>
  );
}
