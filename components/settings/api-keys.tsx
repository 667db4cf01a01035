'use client';
import * as React from 'react';
import { KeyRound, Plus, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { CopyField } from '@/components/copy-field';
import { DataTable } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { RoleSelect } from '@/components/team/role-select';
import { TableSkeleton } from '@/components/table-skeleton';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { TitledCard } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SubmitButton } from '@/components/ui/submit-button';
import { ApiError } from '@/lib/client/api';
import { formatDateTime } from '@/lib/client/format';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '@/lib/client/queries/api-keys';
import { useWorkspaces } from '@/lib/client/queries/workspaces';
import type { ApiKeyCreated, WorkspaceRole } from '@/lib/client/types';
import { WORKSPACE_ROLES, can, roleAtLeast } from '@/shared/workspace-roles';

/** The active workspace's API keys: owners and managers create and revoke them; a viewer is told why not. */
export function ApiKeys() {
  const workspaces = useWorkspaces();
  const me = workspaces.data?.items.find((w) => w.active);
  const canManage = me ? can(me.role, 'api_keys.manage') : false;
  const keys = useApiKeys(canManage);
  const revoke = useRevokeApiKey();
  const [created, setCreated] = React.useState<ApiKeyCreated | null>(null);

  if (me && !canManage) {
    return (
      <p className="text-sm text-muted-foreground" data-testid="api-keys-read-only">
        You are a viewer in {me.name}: only owners and managers can see and manage API keys.
      </p>
    );
  }
  return (
    <div className="space-y-6">
      {me && <CreateKeyForm myRole={me.role} onCreated={setCreated} />}
      {created && <NewKey created={created} onDone={() => setCreated(null)} />}
      {me ? (
        <DataTable
          label="API keys"
          query={keys}
          columns={[
            {
              header: 'Name',
              cell: (k) => (
                <>
                  <div className="font-medium">{k.name}</div>
                  {k.createdBy && <div className="text-xs text-muted-foreground">by {k.createdBy}</div>}
                </>
              ),
            },
            { header: 'Key', className: 'font-mono text-xs', cell: (k) => `${k.prefix}…` },
            { header: 'Role', cell: (k) => <Badge tone={k.role === 'owner' ? 'primary' : 'neutral'}>{k.role}</Badge> },
            { header: 'Created', className: 'text-muted-foreground', cell: (k) => formatDateTime(k.createdAt) },
            { header: 'Last used', className: 'text-muted-foreground', cell: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never') },
            {
              header: 'Actions',
              srOnly: true,
              cell: (k) =>
                roleAtLeast(me.role, k.role) && (
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={`Revoke ${k.name}`}
                    disabled={revoke.isPending}
                    onClick={() => {
                      if (!window.confirm(`Revoke "${k.name}"? Requests with it fail from now on.`)) return;
                      revoke.mutate(k.id, { onSuccess: () => toast.success(`${k.name} revoked`) });
                    }}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                ),
            },
          ]}
          rowKey={(k) => k.id}
          rowTestId="api-key-row"
          empty={
            <EmptyState icon={KeyRound} title="No API keys">
              Create one to script the API from outside the browser.
            </EmptyState>
          }
        />
      ) : (
        <TableSkeleton cols={6} />
      )}
    </div>
  );
}

function CreateKeyForm({ myRole, onCreated }: { myRole: WorkspaceRole; onCreated: (key: ApiKeyCreated) => void }) {
  const [name, setName] = React.useState('');
  const [role, setRole] = React.useState<WorkspaceRole>(myRole);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const create = useCreateApiKey();
  const roles = WORKSPACE_ROLES.filter((r) => roleAtLeast(myRole, r));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: 'Give the key a name' });
    setErrors({});
    create.mutate(
      { name: name.trim(), role },
      {
        onSuccess: (key) => {
          onCreated(key);
          setName('');
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields) setErrors(error.fields);
          else toast.error(error.message);
        },
      },
    );
  }

  return (
    <TitledCard title="Create an API key" description={`A key acts in this workspace with its role, at most your own (${myRole}).`}>
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" aria-label="Create an API key">
        <Field id="api-key-name" label="Name" error={errors.name}>
          {(p) => <Input {...p} placeholder="CRM sync" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="api-key-role" label="Role" error={errors.role}>
          {(p) => <RoleSelect {...p} roles={roles} value={role} onChange={setRole} />}
        </Field>
        <SubmitButton pending={create.isPending} icon={Plus} data-testid="create-api-key">
          Create
        </SubmitButton>
      </form>
    </TitledCard>
  );
}

/** The new key, shown this once, with a copy button. */
function NewKey({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  return (
    <TitledCard
      className="border-primary/40"
      data-testid="new-api-key"
      title={`${created.name}: copy the key now`}
      description="It is shown only this once; only a hash of it is kept. Lost it? Revoke it and create another."
      contentClassName="flex flex-col gap-3 sm:flex-row sm:items-center"
    >
      <CopyField value={created.key} label="The new API key" what="Key" testId="copy-api-key" />
      <Button type="button" variant="ghost" onClick={onDone}>
        Done
      </Button>
    </TitledCard>
  );
}
