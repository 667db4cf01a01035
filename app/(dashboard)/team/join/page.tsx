import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { PageHeader } from '@/components/page-header';
import { JoinInvitation } from '@/components/team/join-invitation';
import { userFromHeaders } from '@/lib/auth';

export const metadata: Metadata = { title: 'Join a workspace' };

// The invitation link's page. Signed out, proxy.ts sends the visitor to sign in (or sign up) and back here with the token.
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [{ token }, user] = await Promise.all([searchParams, userFromHeaders(await headers())]);
  return (
    <>
      <PageHeader title="Join a workspace" description="An invitation link joins the workspace that sent it, once, for the address it was sent to." />
      <JoinInvitation token={typeof token === 'string' ? token : undefined} email={user?.email ?? ''} />
    </>
  );
}
