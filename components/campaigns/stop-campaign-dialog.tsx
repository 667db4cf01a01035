'use client';
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from '@/components/ui/alert-dialog';

export function StopCampaignDialog({ open, onOpenChange, campaignName, onConfirm }: { open: boolean; onOpenChange: (open: boolean) => void; campaignName: string; onConfirm: () => void }) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Stop “{campaignName}”?</AlertDialogTitle>
          <AlertDialogDescription>
            No more calls will be placed and the campaign cannot be resumed. Calls in progress finish normally and their results are kept. To take a break instead,
            pause the campaign.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep running</AlertDialogCancel>
          <AlertDialogAction destructive onClick={onConfirm} data-testid="confirm-stop">
            Stop campaign
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
