// Small pieces the compliance screens share: the reasons with their sources, zones with local times.
import { Clock, Scale } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { humanize } from '@/lib/client/format';
import type { ComplianceReason } from '@/lib/client/types';

const wallClock = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** A zone's wall-clock time as the API gives it ('2026-06-17T11:00:00', no offset), read as written. */
export function formatWallClock(localTime: string): string {
  const d = new Date(`${localTime}Z`);
  return Number.isNaN(d.getTime()) ? localTime : wallClock.format(d);
}

/** The engine's own names for checks that are not rows of the rules table. */
const checkNames: Record<string, string> = {
  blackout: 'Blackout',
  dnc: 'Do-not-call list',
  consent: 'Consent',
  campaign_window: 'Campaign call window',
  one_call_at_a_time: 'Call already in flight',
  phone_unreadable: 'Unreadable number',
  evidence_missing: 'No evidence',
  evidence_invalid: 'Invalid evidence',
  evidence_mismatch: 'Evidence for another number',
  dnc_not_consulted: 'DNC not consulted',
};

export function ruleLabel(rule: string): string {
  return checkNames[rule] ?? rule;
}

export function ReasonList({ reasons }: { reasons: ComplianceReason[] }) {
  return (
    <ul className="grid gap-2" aria-label="Reasons">
      {reasons.map((r, i) => (
        <li key={`${r.rule}-${r.zone ?? ''}-${i}`} className="rounded-lg border border-destructive/25 bg-destructive/5 p-3 text-sm" data-testid="compliance-reason">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="danger">{ruleLabel(r.rule)}</Badge>
            {r.jurisdiction && <span className="text-xs text-muted-foreground">{r.jurisdiction}</span>}
          </div>
          <p className="mt-1.5">{r.detail}</p>
          <p className="mt-1 flex items-center gap-1 text-xs text-muted-foreground">
            <Scale className="size-3.5 shrink-0" aria-hidden /> {r.source}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function ZoneTimes({ zones }: { zones: { zone: string; localTime: string }[] }) {
  return (
    <ul className="grid gap-1 text-sm" aria-label="Time zones">
      {zones.map((z) => (
        <li key={z.zone} className="flex items-center justify-between gap-3">
          <span className="flex items-center gap-1.5">
            <Clock className="size-3.5 text-muted-foreground" aria-hidden /> {z.zone.replace(/_/g, ' ')}
          </span>
          <span className="font-medium tabular-nums">{formatWallClock(z.localTime)}</span>
        </li>
      ))}
    </ul>
  );
}

export function TagList({ items, empty = '—' }: { items: string[]; empty?: string }) {
  if (items.length === 0) return <span className="text-muted-foreground">{empty}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {items.map((item) => (
        <Badge key={item}>{item}</Badge>
      ))}
    </span>
  );
}

const recordingLabels: Record<string, string> = {
  not_recorded: 'Not recorded',
  disclosed: 'Recorded after the disclosure',
  recorded_one_party: 'Recorded (one-party consent)',
  not_recorded_no_disclosure: 'Not recorded: all-party state, no disclosure line',
  no_evidence: 'No evidence',
};

export function recordingLabel(decision: string): string {
  return recordingLabels[decision] ?? humanize(decision);
}
