import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { FormSection } from '../section';
import type { SectionProps } from '../section-props';

export function BasicsSection({ values, set, errors }: SectionProps) {
  return (
    <FormSection id="basics" title="Basics" description="How the campaign appears in your list.">
      <Field id="name" label="Name" error={errors.name}>
        {(p) => <Input {...p} placeholder="e.g. Q4 pipeline builder" value={values.name} onChange={(ev) => set('name', ev.target.value)} />}
      </Field>
      <Field id="description" label="Description" hint="Optional. Who you are calling and why." error={errors.description}>
        {(p) => <Textarea {...p} rows={2} value={values.description} onChange={(ev) => set('description', ev.target.value)} />}
      </Field>
    </FormSection>
  );
}
