import type { Metadata } from 'next';
import { Can } from '@/components/can';
import { AddDncForm } from '@/components/dnc/add-dnc-form';
import { DncList } from '@/components/dnc/dnc-list';
import { DncUpload } from '@/components/dnc/dnc-upload';
import { PageHeader } from '@/components/page-header';
import { TitledCard } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Do-not-call list' };

export default function DncPage() {
  return (
    <>
      <PageHeader title="Do-not-call list" description="Numbers on this list are never called by any campaign of this workspace, whatever a CSV import says." />
      <Can action="dnc.edit">
        <div className="mb-6 grid gap-5 lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]">
          <TitledCard title="Add a number" description="Takes effect at once, including for calls already scheduled.">
            <AddDncForm />
          </TitledCard>
          <TitledCard title="Upload a list">
            <DncUpload />
          </TitledCard>
        </div>
      </Can>
      <DncList />
    </>
  );
}
