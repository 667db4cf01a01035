// A well-formed dispatch, as the app's agentDispatchMetadataFor builds it, for the tests to vary.
import type { DispatchMetadata } from '../../shared/contracts/agent-dispatch';

export function sampleMetadata(overrides: Partial<DispatchMetadata> = {}): DispatchMetadata {
  return {
    campaign_id: 'cmp_1',
    call_id: 'call_1',
    lead_name: 'Jane Doe',
    lead_company: 'Acme Corp',
    lead_phone: '+14155550123',
    lead_timezone: 'America/New_York',
    lead_context: { industry: 'logistics', employees: 120, notes: 'Met at\nSaaStr' },
    qualification_criteria: {
      criteria: [
        { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 40 },
        { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 30 },
        { field: 'timeline', type: 'string', operator: 'in', value: ['now', 'this quarter'], weight: 20 },
        { field: 'tools', type: 'string_list', operator: 'contains_any', value: ['salesforce'], weight: 10, label: 'CRM tools in use' },
      ],
      minQualificationScore: 60,
    },
    script_guidance: 'We sell route-planning software. Mention the free pilot.',
    recording_disclosure: 'This call is recorded for quality and training.',
    voicemail_message: 'Hi Jane, this is Alex from RouteCo. I will try you again soon.',
    report_url: 'http://localhost:3000/api/livekit/agent-report',
    report_token: 'token-abc',
    ...overrides,
  };
}
