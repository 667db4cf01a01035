'use client';
import * as React from 'react';
import { CalendarOff, Plus, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { DataTable } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { ApiError } from '@/lib/client/api';
import { formatDateTime } from '@/lib/client/format';
import { useAddBlackout, useBlackouts, useRemoveBlackout } from '@/lib/client/queries/compliance';
import type { Blackout } from '@/lib/client/types';
import { useCan } from '@/lib/client/queries/workspaces';

const stateLook: Record<Blackout['state'], { label: string; tone: 'danger' | 'info' | 'neutral' }> = {
  in_force: { label: 'In force', tone: 'danger' },
  upcoming: { label: 'Upcoming', tone: 'info' },
  ended: { label: 'Ended', tone: 'neutral' },
};

const when = (iso: string) => formatDateTime(iso, { dateStyle: 'medium', timeStyle: 'short' });

export function AddBlackoutForm() {
  const [region, setRegion] = React.useState('');
  const [startsAt, setStartsAt] = React.useState('');
  const [endsAt, setEndsAt] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const add = useAddBlackout();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!region.trim()) missing.region = 'Enter a state, province or country';
    if (!startsAt) missing.startsAt = 'Choose when it starts';
    if (!endsAt) missing.endsAt = 'Choose when it ends';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    add.mutate(
      { region: region.trim(), startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString(), reason: reason.trim() || undefined },
      {
        onSuccess: (b) => {
          toast.success(`No calls to ${b.region} from ${when(b.startsAt)} to ${when(b.endsAt)}`);
          setRegion('');
          setStartsAt('');
          setEndsAt('');
          setReason('');
        },
        onError: (error) => error instanceof ApiError && error.fields && setErrors(error.fields),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2" aria-label="Add a blackout">
      <Field id="blackout-region" label="Region" hint="FL, Florida, US-FL, CA-ON or US" error={errors.region}>
        {(p) => <Input {...p} value={region} onChange={(e) => setRegion(e.target.value)} />}
      </Field>
      <Field id="blackout-reason" label="Reason (optional)" error={errors.reason}>
        {(p) => <Input {...p} placeholder="e.g. State of emergency: hurricane" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Field id="blackout-starts" label="Starts" error={errors.startsAt}>
        {(p) => <Input {...p} type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />}
      </Field>
      <Field id="blackout-ends" label="Ends" error={errors.endsAt}>
        {(p) => <Input {...p} type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />}
      </Field>
      <SubmitButton pending={add.isPending} icon={Plus} className="justify-self-end sm:col-span-2" data-testid="add-blackout">
        Add blackout
      </SubmitButton>
    </form>
  );
}

export function BlackoutList() {
  const list = useBlackouts();
  const remove = useRemoveBlackout();
  const canEdit = useCan('blackouts.edit');
  const [removing, setRemoving] = React.useState<Blackout | null>(null);

  return (
    <>
      <DataTable
        label="Blackouts"
        query={list}
        columns={[
          { header: 'Region', className: 'font-medium', cell: (b) => b.region },
          { header: 'From', className: 'whitespace-nowrap text-sm', cell: (b) => when(b.startsAt) },
          { header: 'Until', className: 'whitespace-nowrap text-sm', cell: (b) => when(b.endsAt) },
          { header: 'Reason', className: 'max-w-64 truncate text-muted-foreground', cell: (b) => b.reason || '—' },
          { header: 'State', cell: (b) => <Badge tone={stateLook[b.state].tone}>{stateLook[b.state].label}</Badge> },
          {
            header: 'Actions',
            srOnly: true,
            cell: (b) =>
              canEdit && (
                <Button variant="ghost" size="icon-sm" aria-label={`Lift the ${b.region} blackout`} onClick={() => setRemoving(b)}>
                  <Trash2 aria-hidden />
                </Button>
              ),
          },
        ]}
        loadingColumns={5}
        rowKey={(b) => b.id}
        rowTestId="blackout-row"
        empty={
          <EmptyState icon={CalendarOff} title="No blackouts">
            Declare one when a state of emergency or a local ban stops calls to a region: every campaign holds its calls there until it ends.
          </EmptyState>
        }
      />
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Lift the ${removing?.region} blackout?`}
        description={`Your campaigns may call leads in ${removing?.region} again at once, within their hours.`}
        cancelLabel="Keep it"
        confirmLabel="Lift blackout"
        onConfirm={() => {
          const b = removing;
          if (b) remove.mutate(b.id, { onSuccess: () => toast.success(`${b.region} blackout lifted`) });
        }}
      />
    </>
  );
}
