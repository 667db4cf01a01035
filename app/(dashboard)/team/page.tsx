import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { TeamMembers } from '@/components/team/team-members';

export const metadata: Metadata = { title: 'Team' };

export default function TeamPage() {
  return (
    <>
      <PageHeader title="Team" description="Who works in this workspace, and what each may do. Campaigns, leads, calls and the do-not-call list belong to the workspace." />
      <TeamMembers />
    </>
  );
}
