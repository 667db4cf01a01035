import * as React from 'react';
import { ChevronDown } from 'lucide-react';
import { cn } from '@/lib/client/cn';
import { inputClass } from './input';

/** The browser's own select, styled: best for long plain lists (hours) and on phones. */
export function NativeSelect({ className, children, ...props }: React.ComponentProps<'select'>) {
  return (
    <div className={cn('relative', className)}>
      <select className={cn(inputClass, 'appearance-none pr-8')} {...props}>
        {children}
      </select>
      <ChevronDown className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 opacity-60" aria-hidden />
    </div>
  );
}
