'use client';
import * as React from 'react';
import { Loader2, Plus } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
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
      <div className="grid gap-1.5">
        <Label htmlFor="dnc-phone">Phone number</Label>
        <Input id="dnc-phone" type="tel" placeholder="+14155550100" value={phone} onChange={(e) => setPhone(e.target.value)} aria-invalid={errors.phone ? true : undefined} aria-describedby={errors.phone ? 'dnc-phone-error' : undefined} />
        <FieldError id="dnc-phone-error" message={errors.phone} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="dnc-reason">Reason (optional)</Label>
        <Input id="dnc-reason" placeholder="e.g. Asked by email not to be called" value={reason} onChange={(e) => setReason(e.target.value)} />
        <FieldError message={errors.reason} />
      </div>
      <Button type="submit" className="justify-self-end sm:col-span-2" disabled={add.isPending} data-testid="add-dnc">
        {add.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />}
        Add number
      </Button>
    </form>
  );
}
