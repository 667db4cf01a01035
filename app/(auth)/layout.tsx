import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { PhoneCall, ShieldCheck, Sparkles } from 'lucide-react';
import { Brand } from '@/components/layout/brand';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { userFromHeaders } from '@/lib/auth';

const points = [
  { icon: PhoneCall, text: 'An AI agent calls your leads inside the hours you choose, and retries the ones who miss it.' },
  { icon: Sparkles, text: 'Every conversation is transcribed and scored against your qualification criteria.' },
  { icon: ShieldCheck, text: 'Do-not-call list, attempt caps and lead-local calling hours are enforced on every dial.' },
];

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await userFromHeaders(await headers())) redirect('/campaigns');
  return (
    <div className="grid min-h-dvh lg:grid-cols-2">
      <div className="relative hidden flex-col justify-between overflow-hidden border-r bg-sidebar p-10 lg:flex">
        <div aria-hidden className="pointer-events-none absolute -top-40 -left-40 size-[32rem] rounded-full bg-primary/15 blur-3xl" />
        <Brand href="/sign-in" className="relative text-lg" />
        <div className="relative max-w-md space-y-6">
          <h2 className="text-3xl font-semibold tracking-tight text-balance">Outbound calling that runs itself, within the rules.</h2>
          <ul className="space-y-4">
            {points.map(({ icon: Icon, text }) => (
              <li key={text} className="flex gap-3 text-sm text-muted-foreground">
                <Icon className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
                {text}
              </li>
            ))}
          </ul>
        </div>
        <p className="relative text-xs text-muted-foreground">Calls placed through LiveKit SIP, or the built-in simulator when none is configured.</p>
      </div>
      <div className="flex flex-col">
        <div className="flex items-center justify-between p-4 lg:justify-end">
          <Brand href="/sign-in" className="lg:hidden" />
          <ThemeToggle />
        </div>
        <main className="flex flex-1 items-center justify-center px-4 pb-16">
          <div className="w-full max-w-sm">{children}</div>
        </main>
      </div>
    </div>
  );
}
