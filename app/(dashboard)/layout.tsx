import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AppShell } from '@/components/layout/app-shell';
import { userFromHeaders } from '@/lib/auth';

// proxy.ts only sees that a session cookie exists; this checks that the session is real.
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await userFromHeaders(await headers());
  if (!user) redirect('/sign-in');
  return <AppShell user={{ name: user.name, email: user.email }}>{children}</AppShell>;
}
