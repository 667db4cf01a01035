import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { campaignConfigFields, MAX_ATTEMPTS_PER_LEAD, retryRuleDefaults, type RetryRules } from '@/shared/contracts/campaign-config';
import { delaysText, errorAt } from '../form-model';
import { FormSection } from '../section';
import type { SectionProps } from '../section-props';

const voicemailChoices: Record<RetryRules['voicemail'], string> = {
  like_no_answer: 'Retry, as for no answer',
  never: 'Do not retry',
};

export function PaceSection({ values, set, errors }: SectionProps) {
  const e = (key: string) => errorAt(errors, key);
  return (
    <FormSection id="pace" title="Pace and retries" description="How fast the campaign calls, and when it tries a lead again after no answer, a busy line or a failure.">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="maxCallsPerDay" label="Calls per day" error={errors.maxCallsPerDay}>
          {(p) => <Input {...p} type="number" min={1} inputMode="numeric" value={values.maxCallsPerDay} onChange={(ev) => set('maxCallsPerDay', ev.target.value)} />}
        </Field>
        <Field id="maxCallsPerLead" label="Attempts per lead" hint={`Capped at ${MAX_ATTEMPTS_PER_LEAD} by the engine`} error={errors.maxCallsPerLead}>
          {(p) => (
            <Input
              {...p}
              type="number"
              min={1}
              max={campaignConfigFields.maxCallsPerLead.maxValue ?? undefined}
              inputMode="numeric"
              value={values.maxCallsPerLead}
              onChange={(ev) => set('maxCallsPerLead', ev.target.value)}
            />
          )}
        </Field>
        <Field id="maxConcurrentCalls" label="Calls at once" error={errors.maxConcurrentCalls}>
          {(p) => <Input {...p} type="number" min={1} inputMode="numeric" value={values.maxConcurrentCalls} onChange={(ev) => set('maxConcurrentCalls', ev.target.value)} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="retryRules-noAnswerDelaysHours"
          label="After no answer, retry in (hours)"
          hint={`Comma-separated, one per retry: ${delaysText(retryRuleDefaults.noAnswerDelaysHours)}`}
          error={e('retryRules.noAnswerDelaysHours')}
        >
          {(p) => <Input {...p} value={values.noAnswerDelaysHours} onChange={(ev) => set('noAnswerDelaysHours', ev.target.value)} />}
        </Field>
        <Field id="retryRules-busyDelaysHours" label="After a busy line (hours)" hint={`e.g. ${delaysText(retryRuleDefaults.busyDelaysHours)}`} error={e('retryRules.busyDelaysHours')}>
          {(p) => <Input {...p} value={values.busyDelaysHours} onChange={(ev) => set('busyDelaysHours', ev.target.value)} />}
        </Field>
        <Field id="retryRules-failedDelaysHours" label="After a failed call (hours)" hint={`e.g. ${delaysText(retryRuleDefaults.failedDelaysHours)}`} error={e('retryRules.failedDelaysHours')}>
          {(p) => <Input {...p} value={values.failedDelaysHours} onChange={(ev) => set('failedDelaysHours', ev.target.value)} />}
        </Field>
        <Field id="retryRules-voicemail" label="When voicemail answers" error={e('retryRules.voicemail')}>
          {(p) => (
            <NativeSelect {...p} value={values.voicemail} onChange={(ev) => set('voicemail', ev.target.value as RetryRules['voicemail'])}>
              {Object.entries(voicemailChoices).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      </div>
    </FormSection>
  );
}
