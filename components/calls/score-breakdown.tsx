import { CheckCircle2, XCircle } from 'lucide-react';
import { cn } from '@/lib/client/cn';
import { formatValue, humanize } from '@/lib/client/format';
import type { CriterionResult } from '@/lib/client/types';

const operatorWords: Record<string, string> = {
  '==': 'is',
  '!=': 'is not',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  in: 'is one of',
  not_in: 'is none of',
  contains_any: 'includes any of',
  contains_all: 'includes all of',
  exists: 'is mentioned',
};

export function ScoreMeter({ score, min }: { score: number | null; min?: number }) {
  const value = score ?? 0;
  const passed = min === undefined ? undefined : value >= min;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline gap-1">
        <span className={cn('text-3xl font-semibold tabular-nums', passed === true && 'text-success', passed === false && 'text-foreground')} data-testid="score">{score === null ? '—' : Math.round(value)}</span>
        <span className="text-sm text-muted-foreground">/ 100</span>
      </div>
      <div className="relative h-2 rounded-full bg-muted">
        <div className={cn('h-full rounded-full', passed ? 'bg-success' : 'bg-primary')} style={{ width: `${Math.min(100, value)}%` }} />
        {min !== undefined && <span className="absolute -top-1 h-4 w-0.5 rounded bg-foreground/70" style={{ left: `${min}%` }} title={`Qualifies at ${min}`} />}
      </div>
      {min !== undefined && <p className="text-xs text-muted-foreground">Qualifies at {min} or more</p>}
    </div>
  );
}

/** Each criterion: met or not, what the rule asked and what the lead said. */
export function ScoreBreakdown({ results, labels = {} }: { results: CriterionResult[]; labels?: Record<string, string> }) {
  if (!results.length) return <p className="text-sm text-muted-foreground">No criteria were scored.</p>;
  const total = results.reduce((sum, r) => sum + (r.weight > 0 ? r.weight : 0), 0);
  return (
    <ul className="divide-y rounded-lg border" data-testid="score-breakdown">
      {results.map((r, i) => {
        const label = r.label ?? labels[r.field] ?? humanize(r.field);
        const share = total ? Math.round((r.weight / total) * 100) : 0;
        return (
          <li key={`${r.field}-${i}`} className="flex items-start gap-3 p-3 text-sm">
            {r.met ? <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-label="Met" /> : <XCircle className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-label="Not met" />}
            <div className="min-w-0 flex-1">
              <p className="font-medium">{label}</p>
              <p className="text-xs text-muted-foreground">
                <code className="font-mono">{r.field}</code> {operatorWords[r.operator] ?? r.operator} {r.operator === 'exists' ? '' : formatValue(r.value)} · heard:{' '}
                <span className="text-foreground">{formatValue(r.actual)}</span>
              </p>
            </div>
            <span className={cn('shrink-0 text-xs font-semibold tabular-nums', r.met ? 'text-success' : 'text-muted-foreground')}>{r.met ? `+${share}` : `0 / ${share}`}</span>
          </li>
        );
      })}
    </ul>
  );
}
