import * as React from 'react';
import { Card } from '@/components/ui/card';
import { cn } from '@/lib/client/cn';

/** A titled part of the campaign form, its explanation beside it on wide screens (above it when `wide`). */
export function FormSection({ id, title, description, children, wide = false }: { id: string; title: string; description: React.ReactNode; children: React.ReactNode; wide?: boolean }) {
  return (
    <Card className={cn('grid gap-5 p-5', !wide && 'lg:grid-cols-[16rem_1fr] lg:gap-8')} aria-labelledby={`${id}-title`} role="region">
      <div className={cn('space-y-1', wide && 'max-w-2xl')}>
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      <div className="min-w-0 space-y-5">{children}</div>
    </Card>
  );
}
