'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { Info, Loader2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { signIn } from '@/lib/client/auth-client';

export const demoCredentials = { email: 'demo@example.com', password: 'demo-password' };

/** Only same-site paths, so `?next=` cannot send a user elsewhere. */
export function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/campaigns';
}

/** The other auth page, carrying `next` along (an invitation link signs in or up, then comes back). */
export const withNext = (path: '/sign-in' | '/sign-up', next: string | undefined) => (next ? `${path}?next=${encodeURIComponent(safeNext(next))}` : path);

/** Said above the form when the user is on their way to an invitation link. */
export function InvitationHint({ next }: { next?: string }) {
  if (!safeNext(next).startsWith('/team/join')) return null;
  return (
    <p className="rounded-lg border border-primary/25 bg-primary/5 p-3 text-sm" data-testid="invitation-hint">
      You are joining a workspace: sign in, or create an account, with the address the invitation was sent to.
    </p>
  );
}

export function SignInForm({ next }: { next?: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = React.useState('');
  const [password, setPassword] = React.useState('');
  const [error, setError] = React.useState<string>();
  const [pending, setPending] = React.useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    const { error } = await signIn.email({ email, password });
    if (error) {
      setPending(false);
      // A throttled attempt answers the app's error body, not better-auth's, so it has no top-level message.
      setError(error.status === 429 ? 'Too many attempts: wait a minute, then try again' : (error.message ?? 'Could not sign in'));
      return;
    }
    // Nothing cached for a previous session may show to this one.
    queryClient.clear();
    router.replace(safeNext(next));
    router.refresh();
  }

  function fillDemo() {
    setEmail(demoCredentials.email);
    setPassword(demoCredentials.password);
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="text-sm text-muted-foreground">Welcome back. Sign in to manage your campaigns.</p>
      </div>
      <InvitationHint next={next} />
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field id="email" label="Email">
          {(p) => <Input {...p} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="password" label="Password">
          {(p) => <Input {...p} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <FieldError message={error} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending && <Loader2 className="animate-spin" aria-hidden />}
          Sign in
        </Button>
      </form>
      <div className="rounded-lg border border-primary/25 bg-primary/5 p-3 text-sm" data-testid="demo-hint">
        <div className="flex gap-2.5">
          <Info className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
          <div className="space-y-1">
            <p className="font-medium">Try the demo</p>
            <p className="text-muted-foreground">
              Sign in as <code className="font-mono text-foreground">{demoCredentials.email}</code> with password{' '}
              <code className="font-mono text-foreground">{demoCredentials.password}</code>. It comes with a draft campaign of 50 sample leads.
            </p>
            <Button variant="link" className="h-auto p-0" onClick={fillDemo}>
              Fill in the demo account
            </Button>
          </div>
        </div>
      </div>
      <p className="text-center text-sm text-muted-foreground">
        No account yet?{' '}
        <Link href={withNext('/sign-up', next)} className="font-medium text-primary underline-offset-4 hover:underline">
          Create one
        </Link>
      </p>
    </div>
  );
}
