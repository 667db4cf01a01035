'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { Loader2, Plus } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FieldError } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { ApiError } from '@/lib/client/api';
import { useActivateWorkspace, useCreateWorkspace, useWorkspaces } from '@/lib/client/queries/workspaces';

/** The workspace the dashboard acts in (the user's active one); switching activates another for every session of theirs. */
export function WorkspaceSwitcher({ testId = 'workspace-switcher' }: { testId?: string }) {
  const router = useRouter();
  const workspaces = useWorkspaces();
  const activate = useActivateWorkspace();
  const items = workspaces.data?.items ?? [];
  const active = items.find((w) => w.active);
  if (!active) return null;
  return (
    <div className="grid gap-1 text-xs text-muted-foreground">
      <label className="grid gap-1">
        <span className="px-0.5">Workspace</span>
        <NativeSelect
          data-testid={testId}
          value={active.id}
          disabled={activate.isPending || items.length < 2}
          onChange={(e) =>
            activate.mutate(e.target.value, {
              onSuccess: () => router.refresh(),
            })
          }
        >
          {items.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.role})
            </option>
          ))}
        </NativeSelect>
      </label>
      <NewWorkspaceDialog testId={`${testId}-new`} />
    </div>
  );
}

/** A shared workspace: the user becomes its owner and the dashboard switches to it. */
function NewWorkspaceDialog({ testId }: { testId: string }) {
  const router = useRouter();
  const create = useCreateWorkspace();
  const [open, setOpen] = React.useState(false);
  const [name, setName] = React.useState('');
  const [error, setError] = React.useState<string | undefined>();
  const id = React.useId();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Enter a name');
    create.mutate(name.trim(), {
      onSuccess: (made) => {
        toast.success(`Made “${made.name}”: you are its owner`);
        setOpen(false);
        setName('');
        setError(undefined);
        router.refresh();
      },
      onError: (e) => (e instanceof ApiError && e.fields?.name ? setError(e.fields.name) : toast.error(e.message)),
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="justify-start px-1.5 text-xs" data-testid={testId}>
          <Plus aria-hidden /> New workspace
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>New workspace</DialogTitle>
            <DialogDescription>A workspace of its own campaigns, leads and do-not-call list. You are its owner and can add members on the Team page.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor={id}>Name</Label>
            <Input id={id} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} aria-invalid={!!error} data-testid="new-workspace-name" />
            <FieldError message={error} />
          </div>
          <DialogFooter>
            <Button type="submit" disabled={create.isPending} data-testid="create-workspace">
              {create.isPending && <Loader2 className="animate-spin" aria-hidden />}
              Create workspace
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
