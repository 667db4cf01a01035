import type { Metadata } from 'next';
import { Can } from '@/components/can';
import { AddBlackoutForm, BlackoutList } from '@/components/compliance/blackouts-panel';
import { CheckNumberForm } from '@/components/compliance/check-number-form';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Compliance' };

export default function CompliancePage() {
  return (
    <>
      <PageHeader title="Compliance" description="Calling hours, caps, consent and do-not-call rules, decided the same way the dialer decides them." />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Can I call this number now?</CardTitle>
          <CardDescription>Checks your do-not-call list, calls already made to the number, your blackouts and the hours of every state the number or the lead may be in.</CardDescription>
        </CardHeader>
        <CardContent>
          <CheckNumberForm />
        </CardContent>
      </Card>
      <h2 className="mb-3 text-lg font-semibold tracking-tight">Blackouts</h2>
      <Can action="blackouts.edit">
        <Card className="mb-4">
          <CardHeader>
            <CardTitle>Add a blackout</CardTitle>
            <CardDescription>No calls to leads in the region while it holds (a state of emergency, a local ban).</CardDescription>
          </CardHeader>
          <CardContent>
            <AddBlackoutForm />
          </CardContent>
        </Card>
      </Can>
      <BlackoutList />
    </>
  );
}
