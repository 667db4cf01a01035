'use client';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { Can, NotAllowed } from '@/components/can';
import { ErrorState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useCampaign } from '@/lib/client/queries/campaigns';
import { CampaignForm } from './form/campaign-form';

export function EditCampaign({ id }: { id: string }) {
  const campaign = useCampaign(id);
  return (
    <>
      <PageHeader
        title={campaign.data ? `Edit ${campaign.data.name}` : 'Edit campaign'}
        description={campaign.data?.status === 'active' ? 'The campaign is running: changes apply to the next calls it places.' : undefined}
      >
        <Link href={`/campaigns/${id}`} className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeft className="size-4" aria-hidden /> Back to campaign
        </Link>
      </PageHeader>
      {campaign.isPending ? (
        <div className="space-y-5" aria-busy="true" aria-label="Loading campaign">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-48 w-full rounded-xl" />
          ))}
        </div>
      ) : campaign.isError ? (
        <ErrorState error={campaign.error} onRetry={() => campaign.refetch()} />
      ) : (
        <Can action="campaigns.edit" fallback={<NotAllowed />}>
          <CampaignForm key={campaign.data.id} campaign={campaign.data} />
        </Can>
      )}
    </>
  );
}
