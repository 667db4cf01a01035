'use client';
import * as React from 'react';
import { Trash2, UserPlus, Users } from 'lucide-react';
import { toast } from 'sonner';
import { DataTable } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { TitledCard } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { TableCell, TableRow } from '@/components/ui/table';
import { ApiError } from '@/lib/client/api';
import { formatDateTime } from '@/lib/client/format';
import { useNow } from '@/lib/client/use-now';
import { useAddMember, useChangeRole, useRemoveMember, useRevokeInvitation, useTeamMembers, useWorkspaces } from '@/lib/client/queries/workspaces';
import type { TeamInvitation, WorkspaceRole } from '@/lib/client/types';
import { can, WORKSPACE_ROLES } from '@/shared/workspace-roles';
import { NewInvitation, type CreatedInvitation } from './new-invitation';
import { RoleSelect } from './role-select';

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
      <DataTable
        label="Members"
        query={members}
        columns={[
          { header: 'Member', cell: (m) => <Who name={m.name || m.email} note={m.email} /> },
          {
            header: 'Role',
            cell: (m) =>
              canManage ? (
                <RoleSelect
                  aria-label={`Role of ${m.email}`}
                  className="w-36"
                  value={m.role}
                  disabled={changeRole.isPending}
                  onChange={(role) => changeRole.mutate({ userId: m.userId, role }, { onSuccess: () => toast.success(`${m.email} is now a ${role}`) })}
                />
              ) : (
                <Badge tone={m.role === 'owner' ? 'primary' : 'neutral'}>{m.role}</Badge>
              ),
          },
          { header: 'Joined', className: 'text-muted-foreground', cell: (m) => formatDateTime(m.joinedAt) },
          {
            header: 'Actions',
            srOnly: true,
            cell: (m) =>
              canManage && (
                <Button variant="ghost" size="icon-sm" aria-label={`Remove ${m.email}`} disabled={remove.isPending} onClick={() => remove.mutate(m.userId, { onSuccess: () => toast.success(`${m.email} removed`) })}>
                  <Trash2 aria-hidden />
                </Button>
              ),
          },
        ]}
        rowKey={(m) => m.userId}
        rowTestId="member-row"
        extraRows={members.data?.invitations.map((i) => (
          <TableRow key={i.id} data-testid="invitation-row">
            <TableCell>
              <Who name={i.email} note={invitationNote(i, now)} />
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
                  onClick={() => revoke.mutate(i.id, { onSuccess: () => toast.success(`Invitation of ${i.email} revoked`) })}
                >
                  <Trash2 aria-hidden />
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
        empty={<EmptyState icon={Users} title="No members" />}
      />
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

/** A person in the list: the name they go by, and a line under it. */
function Who({ name, note }: { name: string; note: string }) {
  return (
    <>
      <div className="font-medium">{name}</div>
      <div className="text-xs text-muted-foreground">{note}</div>
    </>
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
    <TitledCard
      title="Add a member"
      description="Someone with an account joins at once. Any other email gets an invite link (e-mailed when the server can send mail) that joins them when they open it signed in (or signed up) with that address."
    >
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" aria-label="Add a member">
        <Field id="member-email" label="Email" error={errors.email}>
          {(p) => <Input {...p} type="email" placeholder="colleague@example.com" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field id="member-role" label="Role">
          {(p) => <RoleSelect {...p} value={role} onChange={setRole} />}
        </Field>
        <SubmitButton pending={add.isPending} icon={UserPlus} data-testid="add-member">
          Add
        </SubmitButton>
      </form>
    </TitledCard>
  );
}
