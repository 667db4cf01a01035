'use client';
import { ConfirmDialog } from '@/components/confirm-dialog';

export function StopCampaignDialog({ open, onOpenChange, campaignName, onConfirm }: { open: boolean; onOpenChange: (open: boolean) => void; campaignName: string; onConfirm: () => void }) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Stop “${campaignName}”?`}
      description="No more calls will be placed and the campaign cannot be resumed. Calls in progress finish normally and their results are kept. To take a break instead, pause the campaign."
      cancelLabel="Keep running"
      confirmLabel="Stop campaign"
      onConfirm={onConfirm}
      confirmTestId="confirm-stop"
    />
  );
}
