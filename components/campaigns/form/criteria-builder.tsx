'use client';
import { ListChecks, Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { cn } from '@/lib/client/cn';
import { blankCriterion, criterionTypes, errorAt, listOperators, operatorLabels, operatorsByType, typeLabels, type CriterionDraft, type FieldErrors } from './form-model';
import { WeightShares } from './weight-shares';

type Props = { criteria: CriterionDraft[]; onChange: (criteria: CriterionDraft[]) => void; errors: FieldErrors };

function valuePlaceholder(d: CriterionDraft): string {
  if (listOperators.includes(d.operator)) return d.type === 'number' ? 'e.g. 10, 20, 50' : 'e.g. immediate, within_month';
  if (d.type === 'number') return 'e.g. 10000';
  return 'e.g. yes';
}

/** What makes a lead qualified: one row per fact the agent should learn, each with a weight. */
export function CriteriaBuilder({ criteria, onChange, errors }: Props) {
  const update = (key: string, change: Partial<CriterionDraft>) =>
    onChange(
      criteria.map((c) => {
        if (c.key !== key) return c;
        const next = { ...c, ...change };
        // A new type may not allow the current operator; a boolean needs true/false.
        if (change.type && !operatorsByType[next.type].includes(next.operator)) next.operator = operatorsByType[next.type][0];
        if (change.type === 'boolean' && next.value !== 'true' && next.value !== 'false') next.value = 'true';
        return next;
      }),
    );

  if (!criteria.length) {
    return (
      <div className="rounded-lg border border-dashed p-6 text-center">
        <ListChecks className="mx-auto mb-2 size-5 text-muted-foreground" aria-hidden />
        <p className="text-sm font-medium">No qualification criteria yet</p>
        <p className="mx-auto mt-1 max-w-sm text-sm text-muted-foreground">
          Add what a good lead tells the agent, such as a budget of at least $10k or that they decide the purchase. Without criteria every answered call scores 0.
        </p>
        <Button variant="outline" size="sm" className="mt-4" onClick={() => onChange([blankCriterion()])} data-testid="add-criterion">
          <Plus aria-hidden /> Add a criterion
        </Button>
        <FieldError message={errorAt(errors, 'qualificationCriteria')} />
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <WeightShares criteria={criteria} />
      <ol className="space-y-3" aria-label="Qualification criteria">
        {criteria.map((c, index) => {
          const err = (name: string) => errors[`qualificationCriteria.${index}.${name}`];
          const id = (name: string) => `qualificationCriteria-${index}-${name}`;
          const isList = listOperators.includes(c.operator);
          const rowError = errors[`qualificationCriteria.${index}`];
          return (
            <li key={c.key} className="rounded-lg border bg-muted/30 p-3" data-testid="criterion-row">
              <div className="grid grid-cols-2 gap-3 lg:grid-cols-12">
                <div className="col-span-2 grid gap-1.5 lg:col-span-4">
                  <Label htmlFor={id('label')}>Label</Label>
                  <Input id={id('label')} placeholder="e.g. Budget of at least $10k" value={c.label} onChange={(e) => update(c.key, { label: e.target.value })} aria-invalid={err('label') ? true : undefined} />
                  <FieldError message={err('label')} />
                </div>
                <div className="col-span-2 grid gap-1.5 lg:col-span-3">
                  <Label htmlFor={id('field')}>Field</Label>
                  <Input
                    id={id('field')}
                    placeholder="budget"
                    className="font-mono"
                    value={c.field}
                    onChange={(e) => update(c.key, { field: e.target.value.toLowerCase().replace(/[\s-]+/g, '_') })}
                    aria-invalid={err('field') ? true : undefined}
                    aria-describedby={err('field') ? `${id('field')}-error` : undefined}
                  />
                  <FieldError id={`${id('field')}-error`} message={err('field')} />
                </div>
                <div className="grid content-start gap-1.5 lg:col-span-2">
                  <Label htmlFor={id('type')}>Type</Label>
                  <NativeSelect id={id('type')} value={c.type} onChange={(e) => update(c.key, { type: e.target.value as CriterionDraft['type'] })}>
                    {criterionTypes.map((t) => (
                      <option key={t} value={t}>
                        {typeLabels[t]}
                      </option>
                    ))}
                  </NativeSelect>
                </div>
                <div className="grid content-start gap-1.5 lg:col-span-3">
                  <Label htmlFor={id('operator')}>Rule</Label>
                  <NativeSelect
                    id={id('operator')}
                    value={c.operator}
                    onChange={(e) => update(c.key, { operator: e.target.value as CriterionDraft['operator'] })}
                    aria-invalid={err('operator') ? true : undefined}
                  >
                    {operatorsByType[c.type].map((op) => (
                      <option key={op} value={op}>
                        {operatorLabels[op]} ({op})
                      </option>
                    ))}
                  </NativeSelect>
                  <FieldError message={err('operator')} />
                </div>
                <div className="col-span-2 grid content-start gap-1.5 lg:col-span-7">
                  <Label htmlFor={id('value')}>Value{isList && <span className="font-normal text-muted-foreground"> (comma-separated)</span>}</Label>
                  {c.operator === 'exists' ? (
                    <Input id={id('value')} disabled value="" placeholder="Met when the lead mentions it at all" />
                  ) : c.type === 'boolean' && !isList ? (
                    <NativeSelect id={id('value')} value={c.value} onChange={(e) => update(c.key, { value: e.target.value })}>
                      <option value="true">Yes (true)</option>
                      <option value="false">No (false)</option>
                    </NativeSelect>
                  ) : (
                    <Input
                      id={id('value')}
                      inputMode={c.type === 'number' && !isList ? 'decimal' : undefined}
                      placeholder={valuePlaceholder(c)}
                      value={c.value}
                      onChange={(e) => update(c.key, { value: e.target.value })}
                      aria-invalid={err('value') ? true : undefined}
                    />
                  )}
                  <FieldError message={err('value')} />
                </div>
                <div className="grid content-start gap-1.5 lg:col-span-3">
                  <Label htmlFor={id('weight')}>Weight</Label>
                  <Input
                    id={id('weight')}
                    type="number"
                    min={0}
                    step="any"
                    inputMode="decimal"
                    value={c.weight}
                    onChange={(e) => update(c.key, { weight: e.target.value })}
                    aria-invalid={err('weight') ? true : undefined}
                  />
                  <FieldError message={err('weight')} />
                </div>
                <div className="flex items-end lg:col-span-2">
                  <Button
                    variant="ghost"
                    className={cn('w-full text-muted-foreground hover:text-destructive')}
                    onClick={() => onChange(criteria.filter((x) => x.key !== c.key))}
                    aria-label={`Remove criterion ${c.label || c.field || index + 1}`}
                  >
                    <Trash2 aria-hidden /> Remove
                  </Button>
                </div>
              </div>
              <FieldError message={rowError} />
            </li>
          );
        })}
      </ol>
      <Button variant="outline" size="sm" onClick={() => onChange([...criteria, blankCriterion()])} data-testid="add-criterion">
        <Plus aria-hidden /> Add a criterion
      </Button>
      <FieldError message={errors.qualificationCriteria} />
    </div>
  );
}
