'use client';
import type { Campaign } from '@/lib/client/types';
import { FormFooter } from './form-footer';
import { AgentSection } from './sections/agent-section';
import { BasicsSection } from './sections/basics-section';
import { BudgetSection } from './sections/budget-section';
import { CallingHoursSection } from './sections/calling-hours-section';
import { PaceSection } from './sections/pace-section';
import { QualificationSection } from './sections/qualification-section';
import { RecordingSection } from './sections/recording-section';
import { useCampaignForm } from './use-campaign-form';

/** Creates a campaign, or edits `campaign`: one state (useCampaignForm), a component per section. */
export function CampaignForm({ campaign }: { campaign?: Campaign }) {
  const { values, errors, set, submit, saving } = useCampaignForm(campaign);
  const section = { values, set, errors };
  return (
    <form onSubmit={submit} noValidate className="space-y-5 pb-24" aria-label={campaign ? 'Edit campaign' : 'New campaign'}>
      <BasicsSection {...section} />
      <CallingHoursSection {...section} />
      <PaceSection {...section} />
      <AgentSection {...section} />
      <RecordingSection {...section} />
      <BudgetSection {...section} />
      <QualificationSection {...section} />
      <FormFooter
        errorCount={Object.keys(errors).length}
        saving={saving}
        cancelHref={campaign ? `/campaigns/${campaign.id}` : '/campaigns'}
        saveLabel={campaign ? 'Save changes' : 'Create campaign'}
      />
    </form>
  );
}
