import { Field } from '@/components/ui/field';
import { CallWindowEditor } from '../call-window-editor';
import { FormSection } from '../section';
import type { SectionProps } from '../section-props';
import { TimeZonePicker } from '../timezone-picker';

export function CallingHoursSection({ values, set, errors }: SectionProps) {
  return (
    <FormSection
      id="windows"
      title="When to call"
      description="Calls are placed only inside these weekly windows, in the campaign’s time zone. Each lead’s own 08:00–21:00 is enforced as well."
    >
      <Field id="timezone" label="Time zone" error={errors.timezone}>
        {(p) => <TimeZonePicker id={p.id} value={values.timezone} onChange={(zone) => set('timezone', zone)} invalid={p['aria-invalid']} describedBy={p['aria-describedby']} />}
      </Field>
      <div className="grid gap-1.5">
        <span className="text-sm font-medium" id="callWindows-label">
          Call windows
        </span>
        <CallWindowEditor windows={values.callWindows} onChange={(w) => set('callWindows', w)} errors={errors} />
      </div>
    </FormSection>
  );
}
