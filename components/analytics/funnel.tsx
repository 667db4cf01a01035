import { formatNumber, formatPercent } from '@/lib/client/format';
import type { CampaignAnalytics } from '@/lib/client/types';

/** Leads → called → connected → qualified, each bar sized against the leads. */
export function Funnel({ funnel }: { funnel: CampaignAnalytics['funnel'] }) {
  const steps = [
    { label: 'Leads', value: funnel.leads },
    { label: 'Called', value: funnel.called },
    { label: 'Connected', value: funnel.connected },
    { label: 'Qualified', value: funnel.qualified },
  ];
  const top = Math.max(1, funnel.leads);
  return (
    <ol className="space-y-3" data-testid="funnel">
      {steps.map((step, i) => {
        const prev = i > 0 ? steps[i - 1].value : null;
        const rate = prev ? (step.value / prev) * 100 : null;
        return (
          <li key={step.label} data-testid={`funnel-${step.label.toLowerCase()}`} data-value={step.value} className="grid grid-cols-[5.5rem_1fr_auto] sm:grid-cols-[6rem_1fr_12rem] items-center gap-3 text-sm">
            <span className="font-medium">{step.label}</span>
            <div className="h-7 rounded-md bg-muted">
              {step.value > 0 && (
                <div className="flex h-full items-center rounded-md bg-chart-1 px-2 text-xs font-semibold text-primary-foreground transition-[width]" style={{ width: `${Math.max(2, (step.value / top) * 100)}%`, opacity: 1 - i * 0.15 }}>
                  {step.value / top > 0.12 && formatNumber(step.value)}
                </div>
              )}
            </div>
            <span className="text-right text-xs tabular-nums text-muted-foreground">
              {step.value / top <= 0.12 && <span className="mr-1 font-semibold text-foreground">{formatNumber(step.value)}</span>}
              {rate !== null ? `${formatPercent(rate)} of ${steps[i - 1].label.toLowerCase()}` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
