'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { signUp } from '@/lib/client/auth-client';
import { InvitationHint, safeNext, withNext } from './sign-in-form';

const MIN_PASSWORD = 8;

export function SignUpForm({ next }: { next?: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = React.useState('');
  const [email, setEmail] = React.useState('');
  const [password, setPassword] = React.useState('');
  const [errors, setErrors] = React.useState<{ name?: string; email?: string; password?: string; form?: string }>({});
  const [pending, setPending] = React.useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = 'Enter your name';
    if (!/^\S+@\S+\.\S+$/.test(email)) found.email = 'Enter a valid email address';
    if (password.length < MIN_PASSWORD) found.password = `Use at least ${MIN_PASSWORD} characters`;
    setErrors(found);
    if (Object.keys(found).length) return;
    setPending(true);
    const { error } = await signUp.email({ name: name.trim(), email, password });
    if (error) {
      setPending(false);
      setErrors({ form: error.message ?? 'Could not create the account' });
      return;
    }
    // Nothing cached for a previous session may show to this one.
    queryClient.clear();
    router.replace(safeNext(next));
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1.5">
        <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
        <p className="text-sm text-muted-foreground">Set up a campaign and let the agent start calling in minutes.</p>
      </div>
      <InvitationHint next={next} />
      <form onSubmit={submit} className="space-y-4" noValidate>
        <Field id="name" label="Name" error={errors.name}>
          {(p) => <Input {...p} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="email" label="Work email" error={errors.email}>
          {(p) => <Input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="password" label="Password" hint={`At least ${MIN_PASSWORD} characters`} error={errors.password}>
          {(p) => <Input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <FieldError message={errors.form} />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending && <Loader2 className="animate-spin" aria-hidden />}
          Create account
        </Button>
      </form>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{' '}
        <Link href={withNext('/sign-in', next)} className="font-medium text-primary underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
