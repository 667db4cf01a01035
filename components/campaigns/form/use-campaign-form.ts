'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { ApiError } from '@/lib/client/api';
import { useCreateCampaign, useUpdateCampaign } from '@/lib/client/queries/campaigns';
import type { Campaign } from '@/lib/client/types';
import { defaultValues, toBody, validate, valuesFromCampaign, type FieldErrors, type FormValues } from './form-model';
import type { SetField } from './section-props';

function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
}

/** The campaign form's one state: its values, its messages, and saving them (a create, or an update of `campaign`). */
export function useCampaignForm(campaign: Campaign | undefined) {
  const router = useRouter();
  const [values, setValues] = React.useState<FormValues>(() => (campaign ? valuesFromCampaign(campaign) : defaultValues()));
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [submitted, setSubmitted] = React.useState(false);
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const saving = create.isPending || update.isPending;

  // After a first submit, re-check as the user fixes things so messages clear at once.
  const set: SetField = (key, value) => {
    setValues((prev) => {
      const next = { ...prev, [key]: value };
      if (submitted) setErrors(validate(toBody(next)));
      return next;
    });
  };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const body = toBody(values);
    const found = validate(body);
    setErrors(found);
    if (Object.keys(found).length) {
      toast.error('Some fields need attention', { description: Object.values(found)[0] });
      focusFirstInvalid();
      return;
    }
    const onError = (error: Error) => {
      if (error instanceof ApiError && error.fields) {
        setErrors(error.fields);
        focusFirstInvalid();
      }
    };
    if (campaign) {
      // An emptied retention field clears the setting (an update leaves out what it is not sent).
      update.mutate(
        { ...body, retentionDays: body.retentionDays ?? null },
        {
          onSuccess: (saved) => {
            toast.success('Changes saved');
            router.push(`/campaigns/${saved.id}`);
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (saved) => {
          toast.success('Campaign created', { description: 'Next: import your leads, then press Start.' });
          router.push(`/campaigns/${saved.id}?tab=leads`);
        },
        onError,
      });
    }
  }

  return { values, errors, set, submit, saving };
}
