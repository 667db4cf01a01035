import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { ApiKeys } from '@/components/settings/api-keys';

export const metadata: Metadata = { title: 'API keys' };

export default function ApiKeysPage() {
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for scripts and integrations: each acts in this workspace with its role (never above yours), sent as Authorization: Bearer or x-api-key. Revoking a key stops it at once."
      >
        <p className="text-xs font-medium tracking-wide text-muted-foreground uppercase">Settings</p>
      </PageHeader>
      <ApiKeys />
    </>
  );
}
