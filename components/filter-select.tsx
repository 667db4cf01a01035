import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';

type FilterSelectProps<Value extends string> = {
  value: Value | 'all';
  onChange: (value: Value | 'all') => void;
  /** What the filter filters by, for screen readers ("Filter by call status"). */
  label: string;
  /** The choice that filters nothing ("All statuses"). */
  allLabel: string;
  options: readonly { value: Value; label: string }[];
  className?: string;
};

/** A list's filter: "all" first, then each value by its label. */
export function FilterSelect<Value extends string>({ value, onChange, label, allLabel, options, className }: FilterSelectProps<Value>) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as Value | 'all')}>
      <SelectTrigger className={className} aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="all">{allLabel}</SelectItem>
        {options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
