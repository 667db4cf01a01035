import type { CriterionDraft } from './form-model';

const colors = ['bg-chart-1', 'bg-chart-2', 'bg-chart-3', 'bg-chart-4', 'bg-chart-5', 'bg-chart-6'];

/** Each criterion's weight as its share of the score, live as the weights change. */
export function WeightShares({ criteria }: { criteria: CriterionDraft[] }) {
  const weights = criteria.map((c) => {
    const w = Number(c.weight);
    return Number.isFinite(w) && w > 0 ? w : 0;
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const name = (c: CriterionDraft, i: number) => c.label.trim() || c.field.trim() || `Criterion ${i + 1}`;

  return (
    <div className="space-y-2" data-testid="weight-shares">
      <p className="text-xs font-medium text-muted-foreground">Share of the score</p>
      <div className="flex h-3 w-full overflow-hidden rounded-full bg-muted" role="img" aria-label={criteria.map((c, i) => `${name(c, i)} ${total ? Math.round((weights[i] / total) * 100) : 0}%`).join(', ')}>
        {criteria.map((c, i) =>
          weights[i] > 0 ? <span key={c.key} className={`${colors[i % colors.length]} h-full transition-[width] duration-300`} style={{ width: `${(weights[i] / total) * 100}%` }} /> : null,
        )}
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {criteria.map((c, i) => (
          <li key={c.key} className="flex items-center gap-1.5">
            <span aria-hidden className={`size-2 rounded-full ${colors[i % colors.length]}`} />
            <span className="max-w-48 truncate">{name(c, i)}</span>
            <span className="font-semibold tabular-nums">{total ? `${((weights[i] / total) * 100).toFixed(weights[i] / total < 0.1 ? 1 : 0)}%` : '—'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
