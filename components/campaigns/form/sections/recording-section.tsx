import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Switch } from '@/components/ui/switch';
import { Textarea } from '@/components/ui/textarea';
import { FormSection } from '../section';
import type { SectionProps } from '../section-props';

export function RecordingSection({ values, set, errors }: SectionProps) {
  return (
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
        <Field id="recordingDisclosure" label="Disclosure the agent reads first" error={errors.recordingDisclosure}>
          {(p) => <Textarea {...p} rows={2} value={values.recordingDisclosure} onChange={(ev) => set('recordingDisclosure', ev.target.value)} />}
        </Field>
      )}
      <Field
        id="retentionDays"
        label="Keep transcripts and recordings (days)"
        hint="Optional. Older ones are deleted every hour; the call's outcome and score stay. Leave empty to keep them."
        error={errors.retentionDays}
      >
        {(p) => <Input {...p} type="number" min={1} step={1} inputMode="numeric" placeholder="Keep" className="sm:max-w-48" value={values.retentionDays} onChange={(ev) => set('retentionDays', ev.target.value)} />}
      </Field>
    </FormSection>
  );
}
