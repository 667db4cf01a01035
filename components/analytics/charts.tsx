'use client';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { outcomeTone } from '@/components/status-badges';
import { humanize } from '@/lib/client/format';
import type { CampaignAnalytics } from '@/lib/client/types';
import { axisProps, tooltipProps } from './chart-card';

const toneColor: Record<string, string> = {
  success: 'var(--chart-2)',
  primary: 'var(--chart-1)',
  info: 'var(--chart-5)',
  warning: 'var(--chart-3)',
  danger: 'var(--chart-4)',
  neutral: 'var(--chart-6)',
};

export function OutcomesChart({ byOutcome }: { byOutcome: CampaignAnalytics['byOutcome'] }) {
  const data = Object.entries(byOutcome)
    .map(([outcome, count]) => ({ outcome, label: humanize(outcome), count }))
    .sort((a, b) => b.count - a.count);
  return (
    <div style={{ height: Math.max(180, data.length * 34 + 20) }} role="img" aria-label={`Outcomes: ${data.map((d) => `${d.label} ${d.count}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" allowDecimals={false} {...axisProps} />
          <YAxis type="category" dataKey="label" width={110} {...axisProps} />
          <Tooltip {...tooltipProps} formatter={(v) => [v, 'Calls']} />
          <Bar dataKey="count" radius={[0, 4, 4, 0]} maxBarSize={22}>
            {data.map((d) => (
              <Cell key={d.outcome} fill={toneColor[outcomeTone(d.outcome)]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function CallsPerHourChart({ callsPerHour }: { callsPerHour: CampaignAnalytics['callsPerHour'] }) {
  const byHour = new Map(callsPerHour.map((h) => [h.hour, h]));
  const data = Array.from({ length: 24 }, (_, hour) => ({ hour: `${String(hour).padStart(2, '0')}h`, calls: byHour.get(hour)?.calls ?? 0, connects: byHour.get(hour)?.connects ?? 0 }));
  return (
    <div className="h-64" role="img" aria-label="Calls and connects per hour of day">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: -16, right: 8, top: 4, bottom: 4 }} barGap={1}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="hour" interval={2} {...axisProps} />
          <YAxis allowDecimals={false} {...axisProps} />
          <Tooltip {...tooltipProps} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="calls" name="Calls" fill="var(--chart-6)" radius={[3, 3, 0, 0]} />
          <Bar dataKey="connects" name="Connects" fill="var(--chart-1)" radius={[3, 3, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ScoreDistributionChart({ buckets, minScore }: { buckets: CampaignAnalytics['scoreDistribution']; minScore: number }) {
  const data = buckets.map((b) => ({ ...b, qualifies: Number(b.bucket.split('-')[0]) >= minScore }));
  return (
    <div className="h-64" role="img" aria-label={`Score distribution: ${data.map((d) => `${d.bucket}: ${d.count}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ left: -16, right: 8, top: 4, bottom: 4 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          {/* Ten "90-100" labels do not fit side by side: the axis shows where each bucket starts, the tooltip its range. */}
          <XAxis dataKey="bucket" interval={0} tickFormatter={(bucket: string) => bucket.split('-')[0]} {...axisProps} />
          <YAxis allowDecimals={false} {...axisProps} />
          <Tooltip {...tooltipProps} formatter={(v) => [v, 'Calls']} />
          <Bar dataKey="count" radius={[3, 3, 0, 0]}>
            {data.map((d) => (
              <Cell key={d.bucket} fill={d.qualifies ? 'var(--chart-2)' : 'var(--chart-1)'} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
