'use client';
import * as React from 'react';
import { KeyRound, Loader2, Plus, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { CopyField } from '@/components/copy-field';
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
      {!me || keys.isPending ? (
        <TableSkeleton cols={6} />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : keys.data.items.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API keys">
          Create one to script the API from outside the browser.
        </EmptyState>
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="API keys">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead className="w-12">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.data.items.map((k) => (
                <TableRow key={k.id} data-testid="api-key-row">
                  <TableCell>
                    <div className="font-medium">{k.name}</div>
                    {k.createdBy && <div className="text-xs text-muted-foreground">by {k.createdBy}</div>}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{k.prefix}…</TableCell>
                  <TableCell>
                    <Badge tone={k.role === 'owner' ? 'primary' : 'neutral'}>{k.role}</Badge>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{formatDateTime(k.createdAt)}</TableCell>
                  <TableCell className="text-muted-foreground">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}</TableCell>
                  <TableCell>
                    {roleAtLeast(me.role, k.role) && (
                      <Button
                        variant="ghost"
                        size="icon-sm"
                        aria-label={`Revoke ${k.name}`}
                        disabled={revoke.isPending}
                        onClick={() => {
                          if (!window.confirm(`Revoke "${k.name}"? Requests with it fail from now on.`)) return;
                          revoke.mutate(k.id, { onSuccess: () => toast.success(`${k.name} revoked`), onError: (error) => toast.error(error.message) });
                        }}
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
    <Card>
      <CardHeader>
        <CardTitle>Create an API key</CardTitle>
        <CardDescription>A key acts in this workspace with its role, at most your own ({myRole}).</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" aria-label="Create an API key">
          <div className="grid gap-1.5">
            <Label htmlFor="api-key-name">Name</Label>
            <Input id="api-key-name" placeholder="CRM sync" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errors.name ? true : undefined} />
            <FieldError message={errors.name} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="api-key-role">Role</Label>
            <NativeSelect id="api-key-role" value={role} onChange={(e) => setRole(e.target.value as WorkspaceRole)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </NativeSelect>
            <FieldError message={errors.role} />
          </div>
          <Button type="submit" disabled={create.isPending} data-testid="create-api-key">
            {create.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Plus aria-hidden />}
            Create
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}

/** The new key, shown this once, with a copy button. */
function NewKey({ created, onDone }: { created: ApiKeyCreated; onDone: () => void }) {
  return (
    <Card className="border-primary/40" data-testid="new-api-key">
      <CardHeader>
        <CardTitle>{created.name}: copy the key now</CardTitle>
        <CardDescription>It is shown only this once; only a hash of it is kept. Lost it? Revoke it and create another.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <CopyField value={created.key} label="The new API key" what="Key" testId="copy-api-key" />
        <Button type="button" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </CardContent>
    </Card>
  );
}
