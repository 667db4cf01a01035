import * as React from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/lib/client/cn';

export function ChartCard({ title, description, children, className, empty }: { title: string; description?: string; children: React.ReactNode; className?: string; empty?: string | false }) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent>{empty ? <div className={cn('flex h-56 items-center justify-center rounded-lg border border-dashed text-sm text-muted-foreground')}>{empty}</div> : children}</CardContent>
    </Card>
  );
}

/** Recharts tooltip styled like the rest of the app, in either theme. */
export const tooltipProps = {
  contentStyle: { background: 'var(--popover)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--popover-foreground)', fontSize: 12 },
  labelStyle: { color: 'var(--muted-foreground)', marginBottom: 4 },
  itemStyle: { color: 'var(--popover-foreground)' },
  cursor: { fill: 'var(--muted)', opacity: 0.6 },
};

export const axisProps = {
  stroke: 'var(--muted-foreground)',
  fontSize: 12,
  tickLine: false,
  axisLine: false,
};
