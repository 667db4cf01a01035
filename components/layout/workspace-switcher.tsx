'use client';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { NativeSelect } from '@/components/ui/native-select';
import { useActivateWorkspace, useWorkspaces } from '@/lib/client/queries/workspaces';

/** The workspace the dashboard acts in (the user's active one); switching activates another for every session of theirs. */
export function WorkspaceSwitcher({ testId = 'workspace-switcher' }: { testId?: string }) {
  const router = useRouter();
  const workspaces = useWorkspaces();
  const activate = useActivateWorkspace();
  const items = workspaces.data?.items ?? [];
  const active = items.find((w) => w.active);
  if (!active) return null;
  return (
    <label className="grid gap-1 text-xs text-muted-foreground">
      <span className="px-0.5">Workspace</span>
      <NativeSelect
        data-testid={testId}
        value={active.id}
        disabled={activate.isPending || items.length < 2}
        onChange={(e) =>
          activate.mutate(e.target.value, {
            onSuccess: () => router.refresh(),
            onError: (error) => toast.error(error.message),
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
  );
}
