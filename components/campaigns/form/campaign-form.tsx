'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Loader2 } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { Switch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { ApiError } from '@/lib/client/api';
import { useCreateCampaign, useUpdateCampaign } from '@/lib/client/queries/campaigns';
import type { Campaign } from '@/lib/client/types';
import { CallWindowEditor } from './call-window-editor';
import { CriteriaBuilder } from './criteria-builder';
import { defaultValues, errorAt, toBody, validate, valuesFromCampaign, type FieldErrors, type FormValues } from './form-model';
import { QualificationPreview } from './qualification-preview';
import { FormSection } from './section';
import { TimeZonePicker } from './timezone-picker';

type Props = { campaign?: Campaign };

function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
}

export function CampaignForm({ campaign }: Props) {
  const router = useRouter();
  const [values, setValues] = React.useState<FormValues>(() => (campaign ? valuesFromCampaign(campaign) : defaultValues()));
  const [errors, setErrors] = React.useState<FieldErrors>({});
  const [submitted, setSubmitted] = React.useState(false);
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const saving = create.isPending || update.isPending;

  // After a first submit, re-check as the user fixes things so messages clear at once.
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
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
      update.mutate({ ...body, retentionDays: body.retentionDays ?? null }, {
        onSuccess: (saved) => {
          toast.success('Changes saved');
          router.push(`/campaigns/${saved.id}`);
        },
        onError,
      });
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

  const e = (key: string) => errorAt(errors, key);
  const fieldError = (key: string) => errors[key];

  return (
    <form onSubmit={submit} noValidate className="space-y-5 pb-24" aria-label={campaign ? 'Edit campaign' : 'New campaign'}>
      <FormSection id="basics" title="Basics" description="How the campaign appears in your list.">
        <Field id="name" label="Name" error={fieldError('name')}>
          {(p) => <Input {...p} placeholder="e.g. Q4 pipeline builder" value={values.name} onChange={(ev) => set('name', ev.target.value)} />}
        </Field>
        <Field id="description" label="Description" hint="Optional. Who you are calling and why." error={fieldError('description')}>
          {(p) => <Textarea {...p} rows={2} value={values.description} onChange={(ev) => set('description', ev.target.value)} />}
        </Field>
      </FormSection>

      <FormSection
        id="windows"
        title="When to call"
        description="Calls are placed only inside these weekly windows, in the campaign’s time zone. Each lead’s own 08:00–21:00 is enforced as well."
      >
        <Field id="timezone" label="Time zone" error={fieldError('timezone')}>
          {(p) => <TimeZonePicker id={p.id} value={values.timezone} onChange={(zone) => set('timezone', zone)} invalid={p['aria-invalid']} describedBy={p['aria-describedby']} />}
        </Field>
        <div className="grid gap-1.5">
          <span className="text-sm font-medium" id="callWindows-label">
            Call windows
          </span>
          <CallWindowEditor windows={values.callWindows} onChange={(w) => set('callWindows', w)} errors={errors} />
        </div>
      </FormSection>

      <FormSection id="pace" title="Pace and retries" description="How fast the campaign calls, and when it tries a lead again after no answer, a busy line or a failure.">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="maxCallsPerDay" label="Calls per day" error={fieldError('maxCallsPerDay')}>
            {(p) => <Input {...p} type="number" min={1} inputMode="numeric" value={values.maxCallsPerDay} onChange={(ev) => set('maxCallsPerDay', ev.target.value)} />}
          </Field>
          <Field id="maxCallsPerLead" label="Attempts per lead" hint="Capped at 3 by the engine" error={fieldError('maxCallsPerLead')}>
            {(p) => <Input {...p} type="number" min={1} max={10} inputMode="numeric" value={values.maxCallsPerLead} onChange={(ev) => set('maxCallsPerLead', ev.target.value)} />}
          </Field>
          <Field id="maxConcurrentCalls" label="Calls at once" error={fieldError('maxConcurrentCalls')}>
            {(p) => <Input {...p} type="number" min={1} inputMode="numeric" value={values.maxConcurrentCalls} onChange={(ev) => set('maxConcurrentCalls', ev.target.value)} />}
          </Field>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="retryRules-noAnswerDelaysHours" label="After no answer, retry in (hours)" hint="Comma-separated, one per retry: 1, 4, 24" error={e('retryRules.noAnswerDelaysHours')}>
            {(p) => <Input {...p} value={values.noAnswerDelaysHours} onChange={(ev) => set('noAnswerDelaysHours', ev.target.value)} />}
          </Field>
          <Field id="retryRules-busyDelaysHours" label="After a busy line (hours)" hint="e.g. 4" error={e('retryRules.busyDelaysHours')}>
            {(p) => <Input {...p} value={values.busyDelaysHours} onChange={(ev) => set('busyDelaysHours', ev.target.value)} />}
          </Field>
          <Field id="retryRules-failedDelaysHours" label="After a failed call (hours)" hint="e.g. 0, 24" error={e('retryRules.failedDelaysHours')}>
            {(p) => <Input {...p} value={values.failedDelaysHours} onChange={(ev) => set('failedDelaysHours', ev.target.value)} />}
          </Field>
          <Field id="retryRules-voicemail" label="When voicemail answers" error={e('retryRules.voicemail')}>
            {(p) => (
              <NativeSelect {...p} value={values.voicemail} onChange={(ev) => set('voicemail', ev.target.value as FormValues['voicemail'])}>
                <option value="like_no_answer">Retry, as for no answer</option>
                <option value="never">Do not retry</option>
              </NativeSelect>
            )}
          </Field>
        </div>
      </FormSection>

      <FormSection id="agent" title="Agent" description="Who the voice agent is and what it should aim for on each call.">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="agentName" label="Agent name" hint="The LiveKit agent that takes the calls" error={fieldError('agentName')}>
            {(p) => <Input {...p} placeholder="outbound-caller" value={values.agentName} onChange={(ev) => set('agentName', ev.target.value)} />}
          </Field>
          <Field id="callerId" label="Caller ID" hint="Optional, in E.164: +14155550100" error={fieldError('callerId')}>
            {(p) => <Input {...p} type="tel" autoComplete="off" placeholder="+14155550100" value={values.callerId} onChange={(ev) => set('callerId', ev.target.value)} />}
          </Field>
        </div>
        <Field id="scriptGuidance" label="Script guidance" hint="What to say, what to ask and what to offer. The agent follows it loosely, like a brief." error={fieldError('scriptGuidance')}>
          {(p) => <Textarea {...p} rows={5} value={values.scriptGuidance} onChange={(ev) => set('scriptGuidance', ev.target.value)} />}
        </Field>
        <Field id="voicemailMessage" label="Voicemail message" hint="Optional. Left when an answering machine picks up." error={fieldError('voicemailMessage')}>
          {(p) => <Textarea {...p} rows={2} value={values.voicemailMessage} onChange={(ev) => set('voicemailMessage', ev.target.value)} />}
        </Field>
      </FormSection>

      <FormSection id="recording" title="Recording" description="Recorded calls start with the disclosure, so leads know before they speak.">
        <div className="flex items-start gap-3">
          <Switch id="recordCalls" checked={values.recordCalls} onCheckedChange={(v) => set('recordCalls', v)} aria-describedby="recordCalls-hint" />
          <div className="grid gap-1">
            <label htmlFor="recordCalls" className="text-sm font-medium">
              Record calls
            </label>
            <p id="recordCalls-hint" className="text-xs text-muted-foreground">
              Recordings appear on each call’s details.
            </p>
          </div>
        </div>
        {values.recordCalls && (
          <Field id="recordingDisclosure" label="Disclosure the agent reads first" error={fieldError('recordingDisclosure')}>
            {(p) => <Textarea {...p} rows={2} value={values.recordingDisclosure} onChange={(ev) => set('recordingDisclosure', ev.target.value)} />}
          </Field>
        )}
        <Field id="retentionDays" label="Keep transcripts and recordings (days)" hint="Optional. Older ones are deleted every hour; the call's outcome and score stay. Leave empty to keep them." error={fieldError('retentionDays')}>
          {(p) => <Input {...p} type="number" min={1} step={1} inputMode="numeric" placeholder="Keep" className="sm:max-w-48" value={values.retentionDays} onChange={(ev) => set('retentionDays', ev.target.value)} />}
        </Field>
      </FormSection>

      <FormSection id="budget" title="Budget" description="The campaign pauses itself when its spend reaches the budget.">
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="budget" label="Budget (USD)" hint="Optional. Leave empty for no limit." error={fieldError('budget')}>
            {(p) => <Input {...p} type="number" min={0} step="any" inputMode="decimal" placeholder="No limit" value={values.budget} onChange={(ev) => set('budget', ev.target.value)} />}
          </Field>
          <Field id="costPerMinute" label="Telephony per minute (USD)" hint="Carrier and LiveKit minutes" error={fieldError('costPerMinute')}>
            {(p) => <Input {...p} type="number" min={0} step="any" inputMode="decimal" value={values.costPerMinute} onChange={(ev) => set('costPerMinute', ev.target.value)} />}
          </Field>
          <Field id="agentCostPerMinute" label="Agent per minute (USD)" hint="Speech and model minutes; both rates make a call's cost" error={fieldError('agentCostPerMinute')}>
            {(p) => <Input {...p} type="number" min={0} step="any" inputMode="decimal" value={values.agentCostPerMinute} onChange={(ev) => set('agentCostPerMinute', ev.target.value)} />}
          </Field>
        </div>
      </FormSection>

      <FormSection
        wide
        id="qualification"
        title="Qualification"
        description="What the agent listens for. Each met criterion adds its share of the weights; a lead at or above the minimum score is qualified."
      >
        <CriteriaBuilder criteria={values.qualificationCriteria} onChange={(c) => set('qualificationCriteria', c)} errors={errors} />
        <Field id="minQualificationScore" label="Minimum score to qualify (0–100)" className="max-w-xs" error={fieldError('minQualificationScore')}>
          {(p) => <Input {...p} type="number" min={0} max={100} inputMode="numeric" value={values.minQualificationScore} onChange={(ev) => set('minQualificationScore', ev.target.value)} />}
        </Field>
        <QualificationPreview criteria={values.qualificationCriteria} minScore={values.minQualificationScore} />
      </FormSection>

      <div className="fixed inset-x-0 bottom-0 z-30 border-t bg-background/95 backdrop-blur md:left-60">
        <div className="mx-auto flex max-w-6xl items-center justify-end gap-2 px-4 py-3 sm:px-6 lg:px-10">
          {Object.keys(errors).length > 0 && (
            <p className="mr-auto text-sm text-destructive" role="status">
              {Object.keys(errors).length === 1 ? '1 field needs attention' : `${Object.keys(errors).length} fields need attention`}
            </p>
          )}
          <Button variant="ghost" asChild>
            <Link href={campaign ? `/campaigns/${campaign.id}` : '/campaigns'}>Cancel</Link>
          </Button>
          <Button type="submit" disabled={saving} data-testid="save-campaign">
            {saving && <Loader2 className="animate-spin" aria-hidden />}
            {campaign ? 'Save changes' : 'Create campaign'}
          </Button>
        </div>
      </div>
    </form>
  );
}
