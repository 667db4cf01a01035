'use client';
import * as React from 'react';
import { CheckCircle2, Loader2, Search, XCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiError } from '@/lib/client/api';
import { formatDateTime } from '@/lib/client/format';
import { useComplianceCheck } from '@/lib/client/queries/compliance';
import type { ComplianceCheckResult } from '@/lib/client/types';
import { ReasonList, TagList, ZoneTimes } from './compliance-bits';

/** "Can I call this number now?": the same decision the dialer makes, for one number. */
export function CheckNumberForm() {
  const [phone, setPhone] = React.useState('');
  const [state, setState] = React.useState('');
  const [timezone, setTimezone] = React.useState('');
  const [time, setTime] = React.useState('');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const check = useComplianceCheck();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!phone.trim()) return setErrors({ phone: 'Enter a phone number' });
    setErrors({});
    // datetime-local has no zone: it is the user's own wall clock.
    const at = time ? new Date(time).toISOString() : undefined;
    check.mutate(
      { phone: phone.trim(), state: state.trim() || undefined, timezone: timezone.trim() || undefined, at },
      { onError: (error) => error instanceof ApiError && error.fields && setErrors(error.fields) },
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
      <form onSubmit={submit} noValidate className="grid gap-3 self-start sm:grid-cols-2" aria-label="Check a number">
        <Field id="check-phone" label="Phone number" error={errors.phone} className="sm:col-span-2">
          {(p) => <Input {...p} type="tel" placeholder="+12125550100" value={phone} onChange={(e) => setPhone(e.target.value)} />}
        </Field>
        <Field id="check-state" label="State (optional)" hint="e.g. FL, Florida, ON" error={errors.state}>
          {(p) => <Input {...p} value={state} onChange={(e) => setState(e.target.value)} />}
        </Field>
        <Field id="check-zone" label="Time zone (optional)" hint="e.g. Eastern, America/Chicago" error={errors.timezone}>
          {(p) => <Input {...p} value={timezone} onChange={(e) => setTimezone(e.target.value)} />}
        </Field>
        <Field id="check-time" label="Time (optional)" hint="In your own time; empty means now" error={errors.at} className="sm:col-span-2">
          {(p) => <Input {...p} type="datetime-local" value={time} onChange={(e) => setTime(e.target.value)} />}
        </Field>
        <Button type="submit" className="justify-self-end sm:col-span-2" disabled={check.isPending} data-testid="check-number">
          {check.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Search aria-hidden />}
          Check
        </Button>
        {check.isError && !(check.error instanceof ApiError && check.error.fields) && (
          <p role="alert" className="text-sm text-destructive sm:col-span-2">
            {check.error.message}
          </p>
        )}
      </form>
      <div aria-live="polite">{check.data ? <CheckResult result={check.data} /> : <p className="rounded-xl border border-dashed p-6 text-center text-sm text-muted-foreground">The answer, its reasons and the next lawful time appear here.</p>}</div>
    </div>
  );
}

function CheckResult({ result }: { result: ComplianceCheckResult }) {
  return (
    <section className="space-y-4" data-testid="check-result" aria-label="Check result">
      <div className={result.allowed ? 'flex items-start gap-3 rounded-xl border border-success/30 bg-success/10 p-4' : 'flex items-start gap-3 rounded-xl border border-destructive/30 bg-destructive/10 p-4'}>
        {result.allowed ? <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-hidden /> : <XCircle className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden />}
        <div>
          <p className="font-semibold" data-testid="check-verdict">
            {result.allowed ? 'Allowed' : 'Refused'}: {result.phone}
          </p>
          <p className="text-sm text-muted-foreground">
            at {formatDateTime(result.at, { dateStyle: 'medium', timeStyle: 'short' })}
            {!result.allowed && (
              <>
                {' · '}next allowed:{' '}
                <span className="font-medium text-foreground" data-testid="next-allowed">
                  {result.nextAllowedAt ? formatDateTime(result.nextAllowedAt, { dateStyle: 'medium', timeStyle: 'short' }) : 'not within 14 days'}
                </span>
              </>
            )}
          </p>
        </div>
      </div>
      {result.reasons.length > 0 && <ReasonList reasons={result.reasons} />}
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="mb-1 text-xs font-medium text-muted-foreground">Local time in the lead’s zones</dt>
          <dd>
            <ZoneTimes zones={result.zones} />
          </dd>
        </div>
        <div className="space-y-3">
          <div>
            <dt className="mb-1 text-xs font-medium text-muted-foreground">Jurisdictions</dt>
            <dd>
              <TagList items={result.jurisdiction} />
            </dd>
          </div>
          <div>
            <dt className="mb-1 text-xs font-medium text-muted-foreground">Rules applied</dt>
            <dd>
              <TagList items={result.rulesApplied} />
            </dd>
          </div>
        </div>
      </dl>
      {result.notes.length > 0 && (
        <ul className="list-disc space-y-0.5 pl-5 text-xs text-muted-foreground" aria-label="Notes">
          {result.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
