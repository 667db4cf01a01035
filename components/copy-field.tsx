'use client';
import * as React from 'react';
import { Check, Copy } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A value shown once (a new API key, an invitation link): read-only, selected on focus, with a copy button. */
export function CopyField({ value, label, what, testId, copyLabel = 'Copy' }: { value: string; label: string; what: string; testId: string; copyLabel?: string }) {
  const [copied, setCopied] = React.useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${what} copied`);
    } catch {
      toast.error(`Could not copy: select the ${what.toLowerCase()} and copy it by hand`);
    }
  }
  return (
    <div className="flex min-w-0 flex-1 gap-2">
      <Input readOnly aria-label={label} className="font-mono text-xs" value={value} onFocus={(e) => e.currentTarget.select()} data-testid={`${testId}-value`} />
      <Button type="button" variant="outline" onClick={copy} data-testid={testId}>
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        {copied ? 'Copied' : copyLabel}
      </Button>
    </div>
  );
}
