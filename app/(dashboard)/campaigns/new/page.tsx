import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { Can, NotAllowed } from '@/components/can';
import { CampaignForm } from '@/components/campaigns/form/campaign-form';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = { title: 'New campaign' };

export default function NewCampaignPage() {
  return (
    <>
      <PageHeader title="New campaign" description="Set when it may call, how hard it tries and what makes a lead qualified. You import leads on the next step.">
        <Link href="/campaigns" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeft className="size-4" aria-hidden /> Campaigns
        </Link>
      </PageHeader>
      <Can action="campaigns.edit" fallback={<NotAllowed />}>
        <CampaignForm />
      </Can>
    </>
  );
}
