'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Copy, Loader2, MoreHorizontal, Pause, Pencil, Play, Square, Trash2 } from 'lucide-react';
import { toast } from 'sonner';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Button } from '@/components/ui/button';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu';
import { useCampaignAction, useCloneCampaign, useDeleteCampaign, type LifecycleAction } from '@/lib/client/queries/campaigns';
import { useCan } from '@/lib/client/queries/workspaces';
import type { Campaign } from '@/lib/client/types';
import { StopCampaignDialog } from './stop-campaign-dialog';

type Props = { campaign: Pick<Campaign, 'id' | 'name' | 'status'>; size?: 'sm' | 'default'; layout?: 'row' | 'detail' };

const primaryAction = { draft: 'start', active: 'pause', paused: 'resume' } as const satisfies Partial<Record<Campaign['status'], LifecycleAction>>;

const actionLook = {
  start: { label: 'Start', icon: Play, variant: 'default' },
  pause: { label: 'Pause', icon: Pause, variant: 'outline' },
  resume: { label: 'Resume', icon: Play, variant: 'default' },
} as const;

/**
 * Start / Pause / Resume as the main button, Clone (on the campaign page), Edit, Stop (confirmed) and Delete in a
 * menu; each only for a member who may (a viewer sees none of them).
 */
export function CampaignActions(props: Props) {
  const canRun = useCan('campaigns.run');
  const canEdit = useCan('campaigns.edit');
  if (!canRun && !canEdit) return null;
  return <ActionsFor {...props} canRun={canRun} canEdit={canEdit} />;
}

function ActionsFor({ campaign, size = 'sm', layout = 'row', canRun, canEdit }: Props & { canRun: boolean; canEdit: boolean }) {
  const router = useRouter();
  const action = useCampaignAction();
  const remove = useDeleteCampaign();
  const clone = useCloneCampaign();
  const cloneCampaign = () =>
    clone.mutate(campaign.id, {
      onSuccess: (copy) => {
        toast.success(`Created “${copy.name}” as a draft`);
        router.push(`/campaigns/${copy.id}`);
      },
    });
  const [stopOpen, setStopOpen] = React.useState(false);
  const [deleteOpen, setDeleteOpen] = React.useState(false);

  const main = canRun && campaign.status in primaryAction ? primaryAction[campaign.status as keyof typeof primaryAction] : null;
  const canStop = canRun && (campaign.status === 'active' || campaign.status === 'paused');
  const canDelete = canEdit && campaign.status !== 'active';
  const pendingAction = action.isPending ? action.variables?.action : null;
  const run = (a: LifecycleAction) => action.mutate({ id: campaign.id, action: a });

  return (
    <div className="flex items-center gap-2">
      {main && (
        <Button
          size={size}
          variant={actionLook[main].variant}
          disabled={action.isPending}
          onClick={() => run(main)}
          aria-label={`${actionLook[main].label} ${campaign.name}`}
          data-testid={`campaign-${main}`}
        >
          {pendingAction === main ? <Loader2 className="animate-spin" aria-hidden /> : React.createElement(actionLook[main].icon, { 'aria-hidden': true })}
          {actionLook[main].label}
        </Button>
      )}
      {layout === 'detail' && canStop && (
        <Button size={size} variant="outline" className="text-destructive" disabled={action.isPending} onClick={() => setStopOpen(true)} data-testid="campaign-stop">
          {pendingAction === 'stop' ? <Loader2 className="animate-spin" aria-hidden /> : <Square aria-hidden />}
          Stop
        </Button>
      )}
      {layout === 'detail' && canEdit && (
        <Button size={size} variant="outline" disabled={clone.isPending} onClick={cloneCampaign} data-testid="campaign-clone">
          {clone.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Copy aria-hidden />}
          Clone
        </Button>
      )}
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size={size === 'sm' ? 'icon-sm' : 'icon'} aria-label={`More actions for ${campaign.name}`}>
            <MoreHorizontal aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {canEdit && (
            <DropdownMenuItem asChild>
              <Link href={`/campaigns/${campaign.id}/edit`}>
                <Pencil aria-hidden /> Edit settings
              </Link>
            </DropdownMenuItem>
          )}
          {layout === 'row' && canEdit && (
            <DropdownMenuItem disabled={clone.isPending} onSelect={cloneCampaign}>
              <Copy aria-hidden /> Clone as a new draft
            </DropdownMenuItem>
          )}
          {layout === 'row' && canStop && (
            <DropdownMenuItem destructive onSelect={() => setStopOpen(true)}>
              <Square aria-hidden /> Stop campaign…
            </DropdownMenuItem>
          )}
          {canDelete && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem destructive onSelect={() => setDeleteOpen(true)}>
                <Trash2 aria-hidden /> Delete campaign…
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>

      <StopCampaignDialog open={stopOpen} onOpenChange={setStopOpen} campaignName={campaign.name} onConfirm={() => run('stop')} />

      <ConfirmDialog
        open={deleteOpen}
        onOpenChange={setDeleteOpen}
        title={`Delete “${campaign.name}”?`}
        description="The campaign, its leads and its call history are deleted for good. This cannot be undone."
        cancelLabel="Cancel"
        confirmLabel="Delete campaign"
        onConfirm={() =>
          remove.mutate(campaign.id, {
            onSuccess: () => {
              toast.success('Campaign deleted');
              if (layout === 'detail') router.push('/campaigns');
            },
          })
        }
      />
    </div>
  );
}
