'use client';
import * as React from 'react';
import { Check, Eraser, Loader2, Pencil, X } from 'lucide-react';
import { toast } from 'sonner';
import { LeadStatusBadge, OutcomeBadge } from '@/components/status-badges';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { TableCell, TableRow } from '@/components/ui/table';
import { ApiError } from '@/lib/client/api';
import { formatDateTime, formatRelative } from '@/lib/client/format';
import { useEraseLead, useUpdateLead, type LeadChanges } from '@/lib/client/queries/leads';
import type { Lead } from '@/lib/client/types';
import { useCan } from '@/lib/client/queries/workspaces';

type Draft = { name: string; company: string; email: string; phone: string; timezone: string };

const draftOf = (lead: Lead): Draft => ({ name: lead.name, company: lead.company ?? '', email: lead.email ?? '', phone: lead.phone, timezone: lead.timezone ?? '' });

/** A lead in the table; Edit turns its contact fields into inputs in place. */
export function LeadRow({ lead, campaignId }: { lead: Lead; campaignId: string }) {
  const [editing, setEditing] = React.useState(false);
  const [draft, setDraft] = React.useState<Draft>(() => draftOf(lead));
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const update = useUpdateLead(campaignId);
  const erase = useEraseLead(campaignId);
  const canEdit = useCan('leads.edit');
  const [confirmingErase, setConfirmingErase] = React.useState(false);
  const erased = lead.phone.startsWith('erased:');
  const firstInput = React.useRef<HTMLInputElement>(null);
  const editButton = React.useRef<HTMLButtonElement>(null);

  function start() {
    setDraft(draftOf(lead));
    setErrors({});
    setEditing(true);
    requestAnimationFrame(() => firstInput.current?.focus());
  }

  function cancel() {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  function save() {
    const original = draftOf(lead);
    const changes: LeadChanges = {};
    for (const key of Object.keys(draft) as (keyof Draft)[]) {
      if (draft[key] !== original[key]) {
        const value = draft[key].trim();
        (changes as Record<string, string | null>)[key] = value === '' && key !== 'name' && key !== 'phone' ? null : value;
      }
    }
    if (!Object.keys(changes).length) return cancel();
    update.mutate(
      { leadId: lead.id, changes },
      {
        onSuccess: () => {
          toast.success(`${draft.name} saved`);
          cancel();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields) setErrors(error.fields);
        },
      },
    );
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') cancel();
  }

  const input = (key: keyof Draft, label: string, extra?: React.ComponentProps<'input'>) => (
    <div className="min-w-32">
      <Input
        ref={key === 'name' ? firstInput : undefined}
        aria-label={label}
        className="h-8"
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        onKeyDown={onKeyDown}
        aria-invalid={errors[key] ? true : undefined}
        {...extra}
      />
      <FieldError message={errors[key]} />
    </div>
  );

  if (editing) {
    return (
      <TableRow data-state="selected" data-testid="lead-row-editing">
        <TableCell>
          <div className="grid gap-1.5">
            {input('name', 'Name')}
            {input('company', 'Company', { placeholder: 'Company' })}
          </div>
        </TableCell>
        <TableCell>
          <div className="grid gap-1.5">
            {input('phone', 'Phone', { type: 'tel' })}
            {input('email', 'Email', { type: 'email', placeholder: 'Email' })}
          </div>
        </TableCell>
        <TableCell colSpan={6}>
          <div className="flex flex-wrap items-start gap-3">
            {input('timezone', 'Time zone', { placeholder: 'Time zone, e.g. America/New_York' })}
            <p className="pt-2 text-xs text-muted-foreground">Enter saves, Escape cancels.</p>
          </div>
        </TableCell>
        <TableCell className="text-right">
          <div className="flex justify-end gap-1">
            <Button size="icon-sm" onClick={save} disabled={update.isPending} aria-label={`Save ${lead.name}`}>
              {update.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Check aria-hidden />}
            </Button>
            <Button size="icon-sm" variant="ghost" onClick={cancel} aria-label="Cancel editing">
              <X aria-hidden />
            </Button>
          </div>
        </TableCell>
      </TableRow>
    );
  }

  return (
    <TableRow data-testid="lead-row">
      <TableCell>
        <p className="whitespace-nowrap font-medium">{erased ? <span className="text-muted-foreground">Personal data erased</span> : lead.name}</p>
        <p className="whitespace-nowrap text-xs text-muted-foreground">{lead.company || '—'}</p>
      </TableCell>
      <TableCell>
        <p className="font-mono text-xs">{erased ? '—' : lead.phone}</p>
        <p className="max-w-48 truncate text-xs text-muted-foreground">{lead.email || '—'}</p>
      </TableCell>
      <TableCell className="hidden whitespace-nowrap text-xs text-muted-foreground 2xl:table-cell">{lead.timezone || 'From phone number'}
        {lead.state && <span className="block">{lead.state}</span>}
      </TableCell>
      <TableCell>
        <LeadStatusBadge status={lead.status} />
      </TableCell>
      <TableCell className="text-center tabular-nums">{lead.callAttempts}</TableCell>
      <TableCell>
        <OutcomeBadge outcome={lead.lastOutcome} />
      </TableCell>
      <TableCell className="text-right font-medium tabular-nums">{lead.qualificationScore === null ? '—' : Math.round(lead.qualificationScore)}</TableCell>
      <TableCell className="whitespace-nowrap text-xs text-muted-foreground">
        {lead.status === 'needs_consent' ? (
          <span title="The campaign's consent basis needs this lead's own consent record: add consent_at and consent_source">No consent record</span>
        ) : lead.status === 'retry_scheduled' && lead.nextRetryAt ? (
          <span title={formatDateTime(lead.nextRetryAt)}>Retry {formatRelative(lead.nextRetryAt)}</span>
        ) : lead.status === 'pending' && lead.nextRetryAt ? (
          <span title="The earliest moment every calling rule of the lead's state and zones allows">Lawful from {formatDateTime(lead.nextRetryAt)}</span>
        ) : lead.lastCalledAt ? (
          <span title={formatDateTime(lead.lastCalledAt)}>Called {formatRelative(lead.lastCalledAt)}</span>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell className="text-right">
        {!erased && canEdit && (
          <div className="flex justify-end gap-1">
            <Button ref={editButton} size="icon-sm" variant="ghost" onClick={start} aria-label={`Edit ${lead.name}`} disabled={lead.status === 'calling'}>
              <Pencil aria-hidden />
            </Button>
            <Button size="icon-sm" variant="ghost" onClick={() => setConfirmingErase(true)} aria-label={`Erase ${lead.name}'s personal data`} disabled={lead.status === 'calling' || erase.isPending}>
              <Eraser aria-hidden />
            </Button>
          </div>
        )}
        <ConfirmDialog
          open={confirmingErase}
          onOpenChange={setConfirmingErase}
          title={`Erase ${lead.name}’s personal data?`}
          description="Name, company, e-mail, number, context and every call’s transcript and recording are deleted for good. The calls stay in the counts and analytics. A number on your do-not-call list stays blocked, kept only as a hash."
          cancelLabel="Keep"
          confirmLabel="Erase"
          confirmTestId="confirm-erase"
          onConfirm={() => erase.mutate(lead.id, { onSuccess: () => toast.success('Personal data erased') })}
        />
      </TableCell>
    </TableRow>
  );
}
