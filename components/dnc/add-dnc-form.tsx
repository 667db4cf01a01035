'use client';
import * as React from 'react';
import { Plus } from 'lucide-react';
import { toast } from 'sonner';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { ApiError } from '@/lib/client/api';
import { useAddDnc } from '@/lib/client/queries/dnc';

export function AddDncForm() {
  const [phone, setPhone] = React.useState('');
  const [reason, setReason] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const add = useAddDnc();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!phone.trim()) return setErrors({ phone: 'Enter a phone number' });
    setErrors({});
    add.mutate(
      { phone: phone.trim(), reason: reason.trim() || undefined },
      {
        onSuccess: (entry) => {
          toast.success(entry.added === false ? `${entry.phone} was already on the list` : `${entry.phone} will not be called`, {
            description: entry.leadsMarked ? `${entry.leadsMarked} lead${entry.leadsMarked === 1 ? '' : 's'} in this workspace's campaigns marked do-not-call.` : undefined,
          });
          setPhone('');
          setReason('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields) setErrors(error.fields);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2 sm:items-start" aria-label="Add a number">
      <Field id="dnc-phone" label="Phone number" error={errors.phone}>
        {(p) => <Input {...p} type="tel" placeholder="+14155550100" value={phone} onChange={(e) => setPhone(e.target.value)} />}
      </Field>
      <Field id="dnc-reason" label="Reason (optional)" error={errors.reason}>
        {(p) => <Input {...p} placeholder="e.g. Asked by email not to be called" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <SubmitButton pending={add.isPending} icon={Plus} className="justify-self-end sm:col-span-2" data-testid="add-dnc">
        Add number
      </SubmitButton>
    </form>
  );
}
