'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { Loader2, LogOut, UserPlus } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card';
import { ApiError } from '@/lib/client/api';
import { signOut } from '@/lib/client/auth-client';
import { useAcceptInvitation } from '@/lib/client/queries/workspaces';

/** What to tell the user when the link does not join: the API's own words for a used, expired or another's link. */
function refusal(error: Error): { title: string; detail: string } {
  if (!(error instanceof ApiError)) return { title: 'Could not accept the invitation', detail: error.message };
  if (error.status === 404) return { title: 'This invite link is not valid', detail: 'It may be mistyped or cut short, or the invitation was revoked. Ask the workspace owner for a new one.' };
  if (error.status === 403) return { title: 'This invitation is for another address', detail: error.message };
  if (error.status === 409) return { title: error.fields?.token === 'has expired' ? 'This invite link has expired' : 'This invite link has been used', detail: error.message };
  return { title: 'Could not accept the invitation', detail: error.message };
}

/** Accepts the invitation the link's token names, then lands in its workspace (now the active one). */
export function JoinInvitation({ token, email }: { token?: string; email: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const accept = useAcceptInvitation();
  const [signingOut, setSigningOut] = React.useState(false);

  function join() {
    if (!token) return;
    accept.mutate(token, {
      onSuccess: ({ workspace, joined }) => {
        toast.success(joined ? `You joined ${workspace.name} as a ${workspace.role}` : `You are already in ${workspace.name}: it is now your active workspace`);
        router.replace('/campaigns');
        router.refresh();
      },
    });
  }

  // Another account is signed in: sign out, then sign in (or up) as the invited address and come back to this link.
  async function switchAccount() {
    setSigningOut(true);
    const { error } = await signOut();
    if (error) {
      setSigningOut(false);
      toast.error(error.message ?? 'Could not sign out');
      return;
    }
    queryClient.clear();
    router.replace(`/sign-in?next=${encodeURIComponent(`/team/join?token=${encodeURIComponent(token ?? '')}`)}`);
    router.refresh();
  }

  if (!token) {
    return (
      <Card className="max-w-xl" data-testid="join-refused">
        <CardHeader>
          <CardTitle>This link has no invitation in it</CardTitle>
          <CardDescription>Open the whole link from the invitation e-mail, or ask the workspace owner to copy it again.</CardDescription>
        </CardHeader>
      </Card>
    );
  }

  const refused = accept.error ? refusal(accept.error) : null;
  return (
    <Card className="max-w-xl" data-testid={refused ? 'join-refused' : 'join-invitation'}>
      <CardHeader>
        <CardTitle>{refused ? refused.title : 'You have been invited to a workspace'}</CardTitle>
        <CardDescription>
          {refused ? (
            <span data-testid="join-refusal">{refused.detail}</span>
          ) : (
            <>
              You are signed in as <span className="font-medium text-foreground">{email}</span>. Accept to join the workspace at the role you were invited with; it becomes the workspace you work in.
            </>
          )}
        </CardDescription>
      </CardHeader>
      <CardContent className="text-sm text-muted-foreground">The link works once: after you join, it cannot be used again.</CardContent>
      <CardFooter className="flex flex-wrap gap-2">
        {!refused && (
          <Button type="button" onClick={join} disabled={accept.isPending || accept.isSuccess} data-testid="accept-invitation">
            {accept.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <UserPlus aria-hidden />}
            Accept invitation
          </Button>
        )}
        {accept.error instanceof ApiError && accept.error.status === 403 && (
          <Button type="button" variant="outline" onClick={switchAccount} disabled={signingOut} data-testid="switch-account">
            {signingOut ? <Loader2 className="animate-spin" aria-hidden /> : <LogOut aria-hidden />}
            Sign out and use the invited address
          </Button>
        )}
        {refused && (
          <Button type="button" variant="ghost" onClick={() => router.push('/campaigns')}>
            Go to my campaigns
          </Button>
        )}
      </CardFooter>
    </Card>
  );
}
