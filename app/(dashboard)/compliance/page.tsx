import type { Metadata } from 'next';
import { Can } from '@/components/can';
import { AddBlackoutForm, BlackoutList } from '@/components/compliance/blackouts-panel';
import { CheckNumberForm } from '@/components/compliance/check-number-form';
import { PageHeader } from '@/components/page-header';
import { TitledCard } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Compliance' };

export default function CompliancePage() {
  return (
    <>
      <PageHeader title="Compliance" description="Calling hours, caps, consent and do-not-call rules, decided the same way the dialer decides them." />
      <TitledCard
        className="mb-6"
        title="Can I call this number now?"
        description="Checks your do-not-call list, calls already made to the number, your blackouts and the hours of every state the number or the lead may be in."
      >
        <CheckNumberForm />
      </TitledCard>
      <h2 className="mb-3 text-lg font-semibold tracking-tight">Blackouts</h2>
      <Can action="blackouts.edit">
        <TitledCard className="mb-4" title="Add a blackout" description="No calls to leads in the region while it holds (a state of emergency, a local ban).">
          <AddBlackoutForm />
        </TitledCard>
      </Can>
      <BlackoutList />
    </>
  );
}
