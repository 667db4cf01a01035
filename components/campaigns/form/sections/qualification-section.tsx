import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { CriteriaBuilder } from '../criteria-builder';
import { QualificationPreview } from '../qualification-preview';
import { FormSection } from '../section';
import type { SectionProps } from '../section-props';

export function QualificationSection({ values, set, errors }: SectionProps) {
  return (
    <FormSection
      wide
      id="qualification"
      title="Qualification"
      description="What the agent listens for. Each met criterion adds its share of the weights; a lead at or above the minimum score is qualified."
    >
      <CriteriaBuilder criteria={values.qualificationCriteria} onChange={(c) => set('qualificationCriteria', c)} errors={errors} />
      <Field id="minQualificationScore" label="Minimum score to qualify (0–100)" className="max-w-xs" error={errors.minQualificationScore}>
        {(p) => <Input {...p} type="number" min={0} max={100} inputMode="numeric" value={values.minQualificationScore} onChange={(ev) => set('minQualificationScore', ev.target.value)} />}
      </Field>
      <QualificationPreview criteria={values.qualificationCriteria} minScore={values.minQualificationScore} />
    </FormSection>
  );
}
