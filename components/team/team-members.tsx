'use client';
import * as React from 'react';
import { Loader2, Trash2, UserPlus, Users } from 'lucide-react';
import { toast } from 'sonner';
import { EmptyState, ErrorState } from '@/components/empty-state';
import { TableSkeleton } from '@/components/table-skeleton';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ApiError } from '@/lib/client/api';
import { formatDateTime } from '@/lib/client/format';
import { useNow } from '@/lib/client/use-now';
import { useAddMember, useChangeRole, useRemoveMember, useRevokeInvitation, useTeamMembers, useWorkspaces } from '@/lib/client/queries/workspaces';
import type { TeamInvitation, WorkspaceRole } from '@/lib/client/types';
import { can, WORKSPACE_ROLES } from '@/shared/workspace-roles';
import { NewInvitation, type CreatedInvitation } from './new-invitation';

/** What an open invitation's row says: its link's state (a link from before links, or an expired one, is replaced by inviting again). */
function invitationNote(invitation: TeamInvitation, now: number): string {
  if (!invitation.expiresAt) return 'Invited before join links: invite again for a link';
  if (Date.parse(invitation.expiresAt) <= now) return 'Link expired: invite again for a new one';
  return `Invited: the link works until ${formatDateTime(invitation.expiresAt)}`;
}

const roleHelp: Record<WorkspaceRole, string> = {
  owner: 'everything, and the members',
  manager: 'campaigns, leads, start/stop, the do-not-call list, listen-in and exports',
  viewer: 'reads only: no changes, no listen-in, no exports',
};

/** The active workspace's members: an owner adds, changes and removes them; managers and viewers see the list. */
export function TeamMembers() {
  const workspaces = useWorkspaces();
  const members = useTeamMembers();
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const revoke = useRevokeInvitation();
  const [created, setCreated] = React.useState<CreatedInvitation | null>(null);
  const now = useNow(60_000);
  const me = workspaces.data?.items.find((w) => w.active);
  const canManage = me ? can(me.role, 'team.manage') : false;

  return (
    <div className="space-y-6">
      {me && !canManage && (
        <p className="text-sm text-muted-foreground" data-testid="team-read-only">
          You are a {me.role} in {me.name}: only an owner can add, change or remove members.
        </p>
      )}
      {canManage && <AddMemberForm onInvited={setCreated} />}
      {created && <NewInvitation created={created} onDone={() => setCreated(null)} />}
      {members.isPending ? (
        <TableSkeleton cols={4} />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <EmptyState icon={Users} title="No members" />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Members">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Member</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Joined</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.data.items.map((m) => (
                <TableRow key={m.userId} data-testid="member-row">
                  <TableCell>
                    <div className="font-medium">{m.name || m.email}</div>
                    <div className="text-xs text-muted-foreground">{m.email}</div>
                  </TableCell>
                  <TableCell>
                    {canManage ? (
                      <NativeSelect
                        aria-label={`Role of ${m.email}`}
                        className="w-36"
                        value={m.role}
                        disabled={changeRole.isPending}
                        onChange={(e) =>
                          changeRole.mutate({ userId: m.userId, role: e.target.value as WorkspaceRole }, { onSuccess: () => toast.success(`${m.email} is now a ${e.target.value}`), onError: (error) => toast.error(error.message) })
                        }
                      >
                        {WORKSPACE_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </NativeSelect>
                    ) : (
                      <Badge tone={m.role === 'owner' ? 'primary' : 'neutral'}>{m.role}</Badge>
                    )}
                  </TableCell>
                  <TableCell className="text-muted-foreground">{formatDateTime(m.joinedAt)}</TableCell>
                  <TableCell>
                    {canManage && (
                      <Button variant="ghost" size="icon-sm" aria-label={`Remove ${m.email}`} disabled={remove.isPending} onClick={() => remove.mutate(m.userId, { onSuccess: () => toast.success(`${m.email} removed`), onError: (error) => toast.error(error.message) })}>
                        <Trash2 aria-hidden />
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
              {members.data.invitations.map((i) => (
                <TableRow key={i.id} data-testid="invitation-row">
                  <TableCell>
                    <div className="font-medium">{i.email}</div>
                    <div className="text-xs text-muted-foreground">{invitationNote(i, now)}</div>
                  </TableCell>
                  <TableCell>
                    <Badge tone="info">{i.role}</Badge>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{formatDateTime(i.invitedAt)}</TableCell>
                  <TableCell>
                    {canManage && (
                      <Button
                        variant="ghost"
                        size="icon-sm"
                        aria-label={`Revoke the invitation of ${i.email}`}
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate(i.id, { onSuccess: () => toast.success(`Invitation of ${i.email} revoked`), onError: (error) => toast.error(error.message) })}
                      >
                        <Trash2 aria-hidden />
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <ul className="grid gap-1 text-sm text-muted-foreground">
        {WORKSPACE_ROLES.map((r) => (
          <li key={r}>
            <span className="font-medium text-foreground">{r}</span>: {roleHelp[r]}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AddMemberForm({ onInvited }: { onInvited: (created: CreatedInvitation) => void }) {
  const [email, setEmail] = React.useState('');
  const [role, setRole] = React.useState<WorkspaceRole>('viewer');
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const add = useAddMember();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!email.trim()) return setErrors({ email: 'Enter an email address' });
    setErrors({});
    add.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (result) => {
          if (result.status === 'invited') onInvited(result);
          else toast.success(`${email.trim()} added as ${role}`);
          setEmail('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields) setErrors(error.fields);
          else toast.error(error.message);
        },
      },
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Add a member</CardTitle>
        <CardDescription>Someone with an account joins at once. Any other email gets an invite link (e-mailed when the server can send mail) that joins them when they open it signed in (or signed up) with that address.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" aria-label="Add a member">
          <div className="grid gap-1.5">
            <Label htmlFor="member-email">Email</Label>
            <Input id="member-email" type="email" placeholder="colleague@example.com" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={errors.email ? true : undefined} />
            <FieldError message={errors.email} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="member-role">Role</Label>
            <NativeSelect id="member-role" value={role} onChange={(e) => setRole(e.target.value as WorkspaceRole)}>
              {WORKSPACE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button type="submit" disabled={add.isPending} data-testid="add-member">
            {add.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <UserPlus aria-hidden />}
            Add
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
