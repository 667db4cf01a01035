import type { Metadata } from 'next';
import Link from 'next/link';
import { Plus } from 'lucide-react';
import { Can } from '@/components/can';
import { CampaignList } from '@/components/campaigns/campaign-list';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';

export const metadata: Metadata = { title: 'Campaigns' };

export default function CampaignsPage() {
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Each campaign calls its leads inside its call windows and scores every conversation."
        actions={
          <Can action="campaigns.edit">
            <Button asChild>
              <Link href="/campaigns/new" data-testid="new-campaign">
                <Plus aria-hidden /> New campaign
              </Link>
            </Button>
          </Can>
        }
      />
      <CampaignList />
    </>
  );
}
