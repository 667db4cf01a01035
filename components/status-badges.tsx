import { Badge, type BadgeTone } from '@/components/ui/badge';
import { humanize } from '@/lib/client/format';
import type { CallStatus, CampaignStatus, LeadStatus, LiveCallStatus } from '@/lib/client/types';

type Look = { label: string; tone: BadgeTone; dot?: boolean | 'pulse' };

export const campaignStatusLook: Record<CampaignStatus, Look> = {
  draft: { label: 'Draft', tone: 'neutral' },
  active: { label: 'Active', tone: 'success', dot: 'pulse' },
  paused: { label: 'Paused', tone: 'warning', dot: true },
  completed: { label: 'Completed', tone: 'primary' },
  cancelled: { label: 'Stopped', tone: 'danger' },
};

export const leadStatusLook: Record<LeadStatus, Look> = {
  pending: { label: 'Not called yet', tone: 'neutral' },
  calling: { label: 'On a call', tone: 'primary', dot: 'pulse' },
  retry_scheduled: { label: 'Retry scheduled', tone: 'info' },
  completed: { label: 'Done', tone: 'success' },
  exhausted: { label: 'Attempts used up', tone: 'warning' },
  do_not_call: { label: 'Do not call', tone: 'danger' },
  needs_consent: { label: 'Needs consent', tone: 'warning' },
};

export const callStatusLook: Record<CallStatus, Look> = {
  pending: { label: 'Queued', tone: 'neutral', dot: true },
  calling: { label: 'Ringing', tone: 'info', dot: 'pulse' },
  in_progress: { label: 'In conversation', tone: 'success', dot: 'pulse' },
  completed: { label: 'Answered', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  no_answer: { label: 'No answer', tone: 'warning' },
  busy: { label: 'Busy', tone: 'warning' },
};

const outcomeTones: Record<string, BadgeTone> = {
  qualified: 'success',
  unqualified: 'neutral',
  not_interested: 'neutral',
  completed: 'neutral',
  callback_requested: 'info',
  wrong_number: 'danger',
  voicemail: 'warning',
  no_answer: 'warning',
  busy: 'warning',
  failed: 'danger',
  invalid_number: 'danger',
  do_not_call: 'danger',
};

export function outcomeTone(outcome: string): BadgeTone {
  return outcomeTones[outcome] ?? 'neutral';
}

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const look = campaignStatusLook[status] ?? { label: humanize(status), tone: 'neutral' };
  return (
    <Badge tone={look.tone} dot={look.dot} data-testid="campaign-status">
      {look.label}
    </Badge>
  );
}

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  const look = leadStatusLook[status] ?? { label: humanize(status), tone: 'neutral' };
  return (
    <Badge tone={look.tone} dot={look.dot}>
      {look.label}
    </Badge>
  );
}

export function CallStatusBadge({ status }: { status: CallStatus | LiveCallStatus }) {
  const look = callStatusLook[status] ?? { label: humanize(status), tone: 'neutral' };
  return (
    <Badge tone={look.tone} dot={look.dot} data-testid="call-status">
      {look.label}
    </Badge>
  );
}

export function OutcomeBadge({ outcome }: { outcome: string | null }) {
  if (!outcome) return <span className="text-muted-foreground">—</span>;
  return <Badge tone={outcomeTone(outcome)}>{humanize(outcome)}</Badge>;
}
