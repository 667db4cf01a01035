import * as React from 'react';
import { Card } from '@/components/ui/card';

/** A titled part of the campaign form, with a short explanation beside it on wide screens. */
export function FormSection({ id, title, description, children }: { id: string; title: string; description: React.ReactNode; children: React.ReactNode }) {
  return (
    <Card className="grid gap-5 p-5 lg:grid-cols-[16rem_1fr] lg:gap-8" aria-labelledby={`${id}-title`} role="region">
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      <div className="min-w-0 space-y-5">{children}</div>
    </Card>
  );
}
