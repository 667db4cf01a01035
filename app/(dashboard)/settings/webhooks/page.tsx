import type { Metadata } from 'next';
import { Can } from '@/components/can';
import { PageHeader } from '@/components/page-header';
import { TitledCard } from '@/components/ui/card';
import { CreateWebhookForm } from '@/components/webhooks/create-webhook-form';
import { WebhookEndpoints } from '@/components/webhooks/webhook-endpoints';

export const metadata: Metadata = { title: 'Webhooks' };

export default function WebhooksSettingsPage() {
  return (
    <>
      <PageHeader title="Webhooks" description="Send call, lead, campaign and import events to your own systems, signed per Standard Webhooks." />
      <div className="grid gap-5">
        <Can action="webhooks.manage">
          <TitledCard title="Add an endpoint" description="Failed deliveries are retried for 24 hours (the first retry within 10 s), then the endpoint is disabled.">
            <CreateWebhookForm />
          </TitledCard>
        </Can>
        <WebhookEndpoints />
      </div>
    </>
  );
}
