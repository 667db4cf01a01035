import type { Metadata } from 'next';
import { AuditLog } from '@/components/audit/audit-log';
import { PageHeader } from '@/components/page-header';

export const metadata: Metadata = { title: 'Audit log' };

export default function AuditPage() {
  return (
    <>
      <PageHeader title="Audit log" description="Every change in this workspace, who made it and when: campaigns, leads, the do-not-call list, exports, listen-in, members and sign-ins. Owners only; rows outlive the campaigns they name." />
      <AuditLog />
    </>
  );
}
