import * as React from 'react';
import { Loader2, type LucideIcon } from 'lucide-react';
import { Button, type ButtonProps } from './button';

type SubmitButtonProps = Omit<ButtonProps, 'type' | 'asChild'> & {
  /** The form's request is out: the button spins in place of its icon and takes no second submit. */
  pending: boolean;
  icon: LucideIcon;
};

/** A form's submit button, with its icon, that is disabled and spins while the request is out. */
export function SubmitButton({ pending, icon: Icon, disabled, children, ...props }: SubmitButtonProps) {
  return (
    <Button type="submit" disabled={pending || disabled} {...props}>
      {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Icon aria-hidden />}
      {children}
    </Button>
  );
}
