import * as React from 'react';
import { cn } from '@/lib/client/cn';
import { Label } from './label';

type FieldProps = {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  /** Renders the control; spread the props onto it so label, hint and error are wired up. */
  children: (control: { id: string; 'aria-invalid': boolean | undefined; 'aria-describedby': string | undefined }) => React.ReactNode;
};

/** A labelled control with its hint and its validation message, linked for screen readers. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('grid gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && !error && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** Schema messages start lower-case ("name is required"); a sentence reads better at the field. */
const sentence = (message: string) => (/^[a-z]+\b/.test(message) && !/^[a-z]+[A-Z]/.test(message) ? message.charAt(0).toUpperCase() + message.slice(1) : message);

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="text-xs font-medium text-destructive">
      {sentence(message)}
    </p>
  );
}
