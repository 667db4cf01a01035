import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { FormSection } from '../section';
import type { SectionProps } from '../section-props';

export function BudgetSection({ values, set, errors }: SectionProps) {
  return (
    <FormSection id="budget" title="Budget" description="The campaign pauses itself when its spend reaches the budget.">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="budget" label="Budget (USD)" hint="Optional. Leave empty for no limit." error={errors.budget}>
          {(p) => <Input {...p} type="number" min={0} step="any" inputMode="decimal" placeholder="No limit" value={values.budget} onChange={(ev) => set('budget', ev.target.value)} />}
        </Field>
        <Field id="costPerMinute" label="Telephony per minute (USD)" hint="Carrier and LiveKit minutes" error={errors.costPerMinute}>
          {(p) => <Input {...p} type="number" min={0} step="any" inputMode="decimal" value={values.costPerMinute} onChange={(ev) => set('costPerMinute', ev.target.value)} />}
        </Field>
        <Field id="agentCostPerMinute" label="Agent per minute (USD)" hint="Speech and model minutes; both rates make a call's cost" error={errors.agentCostPerMinute}>
          {(p) => <Input {...p} type="number" min={0} step="any" inputMode="decimal" value={values.agentCostPerMinute} onChange={(ev) => set('agentCostPerMinute', ev.target.value)} />}
        </Field>
      </div>
    </FormSection>
  );
}
