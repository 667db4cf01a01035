'use client';
import * as React from 'react';
import { Loader2, UserPlus } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiError } from '@/lib/client/api';
import { useAddLead } from '@/lib/client/queries/leads';

const empty = { name: '', phone: '', company: '', email: '', timezone: '' };

export function AddLeadDialog({ campaignId }: { campaignId: string }) {
  const [open, setOpen] = React.useState(false);
  const [values, setValues] = React.useState(empty);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const add = useAddLead(campaignId);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!values.name.trim()) found.name = 'Enter a name';
    if (!values.phone.trim()) found.phone = 'Enter a phone number';
    setErrors(found);
    if (Object.keys(found).length) return;
    const opt = (v: string) => v.trim() || undefined;
    add.mutate(
      { name: values.name.trim(), phone: values.phone.trim(), company: opt(values.company), email: opt(values.email), timezone: opt(values.timezone) },
      {
        onSuccess: () => {
          toast.success(`${values.name} added`);
          setValues(empty);
          setOpen(false);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields) setErrors(error.fields);
        },
      },
    );
  }

  const field = (key: keyof typeof empty, label: string, props: React.ComponentProps<'input'> = {}, hint?: string) => (
    <Field id={`add-lead-${key}`} label={label} error={errors[key]} hint={hint}>
      {(p) => <Input {...p} {...props} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })} />}
    </Field>
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <UserPlus aria-hidden /> Add lead
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Add a lead</DialogTitle>
          <DialogDescription>For one or two leads. For more, import a CSV.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          {field('name', 'Name', { autoComplete: 'off' })}
          {field('phone', 'Phone', { type: 'tel', placeholder: '+14155550100' }, 'With country code, or a national number in the campaign’s default country')}
          <div className="grid gap-4 sm:grid-cols-2">
            {field('company', 'Company')}
            {field('email', 'Email', { type: 'email' })}
          </div>
          {field('timezone', 'Time zone', { placeholder: 'America/New_York' }, 'Optional: guessed from the phone number when empty')}
          <DialogFooter>
            <Button type="submit" disabled={add.isPending}>
              {add.isPending && <Loader2 className="animate-spin" aria-hidden />}
              Add lead
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
