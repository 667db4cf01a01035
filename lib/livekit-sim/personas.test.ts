import { describe, expect, it } from 'vitest';
import type { AgentDispatchMetadata } from '@/lib/telephony/agent-dispatch';
import { agentReportBody } from '@/lib/telephony/agent-report';
import { answerFor, answeredReport, conversationSeconds, personas, voicemailReport } from './personas';

const metadata: AgentDispatchMetadata = {
  campaign_id: 'camp-1',
  call_id: 'call-1',
  lead_name: 'Dana Smith',
  lead_company: 'Acme Freight',
  lead_phone: '+15557654321',
  lead_timezone: 'America/Chicago',
  lead_context: { industry: 'logistics' },
  qualification_criteria: {
    criteria: [
      { field: 'budget', type: 'number', operator: '>=', value: 10000, weight: 3, label: 'annual budget' },
      { field: 'decision_maker', type: 'boolean', operator: '==', value: true, weight: 2 },
      { field: 'timeline', type: 'string', operator: 'in', value: ['this quarter', 'next quarter'], weight: 1 },
    ],
    minQualificationScore: 60,
  },
  script_guidance: null,
  recording_disclosure: 'This call is recorded.',
  report_url: 'http://app/api/livekit/agent-report',
  report_token: 't',
};
const now = new Date('2025-03-05T15:00:00Z'); // a Wednesday
const leadLines = (persona: (typeof personas)[number]) =>
  answeredReport(metadata, persona, now)
    .transcript.filter((t) => t.speaker === 'lead')
    .map((t) => t.text)
    .join(' ');

describe('simulated personas', () => {
  it.each(personas)('%s gives a report the agent-report route accepts', (persona) => {
    const report = answeredReport(metadata, persona, now);
    expect(agentReportBody.parse(report)).toEqual(report);
    expect(report.transcript[0]).toMatchObject({ speaker: 'agent', text: expect.stringContaining('Dana') });
    expect(report.transcript[0].text).toContain('This call is recorded.');
    expect(report.answeringMachine).toBeUndefined();
    expect(conversationSeconds(report)).toBeGreaterThan(3);
    const starts = report.transcript.map((t) => t.startMs ?? 0);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it.each([
    ['qualified_buyer', ['$15,000', 'Yes — decision maker, yes.', 'this quarter'], { endedReason: 'completed' }],
    ['small_budget', ['$4,000', 'Yes — decision maker, yes.', 'money is tight'], { endedReason: 'completed' }],
    ['not_decision_maker', ['$15,000', 'No, not on decision maker.', 'my manager'], { endedReason: 'completed' }],
    ['not_interested', ['not interested'], { endedReason: 'not_interested' }],
    ['opt_out', ['do not call me again'], { optOut: true, endedReason: 'opt_out' }],
    ['wrong_person', ['wrong number'], { endedReason: 'wrong_person' }],
  ] as const)('%s says what its persona would', (persona, phrases, fields) => {
    const lines = leadLines(persona);
    for (const phrase of phrases) expect(lines).toContain(phrase);
    expect(answeredReport(metadata, persona, now)).toMatchObject(fields);
  });

  it('only the opt-out persona opts out, only the callback persona asks for a callback', () => {
    for (const persona of personas) {
      const report = answeredReport(metadata, persona, now);
      expect(report.optOut === true).toBe(persona === 'opt_out');
      expect(report.callbackAt !== undefined).toBe(persona === 'callback_next_week');
    }
  });

  it('a callback next week is at ten in the morning in the lead’s time zone', () => {
    const report = answeredReport(metadata, 'callback_next_week', now);
    expect(report.callbackAt).toBe('2025-03-12T15:00:00.000Z'); // 10:00 CDT
  });

  it('an answering machine gives the greeting, the agent leaves a message', () => {
    const report = voicemailReport(metadata);
    expect(report).toMatchObject({ answeringMachine: true, endedReason: 'voicemail' });
    expect(report.transcript.map((t) => t.speaker)).toEqual(['lead', 'agent']);
    expect(report.transcript[0].text).toContain('leave a message');
  });

  it.each([
    [{ field: 'employees', type: 'number', operator: '>', value: 50 }, true, 'Employees is about 75.'],
    [{ field: 'employees', type: 'number', operator: '>', value: 50 }, false, 'Employees is about 20.'],
    [{ field: 'employees', type: 'number', operator: '<=', value: 500 }, true, 'Employees is about 300.'],
    [{ field: 'budget', type: 'number', operator: '>=', value: 10000 }, false, 'Budget is about $4,000.'],
    [{ field: 'has_crm', type: 'boolean', operator: '==', value: false }, true, 'No, not on has crm.'],
    [{ field: 'industry', type: 'string', operator: '==', value: 'retail' }, true, "For industry, it's retail."],
    [{ field: 'tools', type: 'string_list', operator: 'contains_all', value: ['salesforce', 'slack'] }, true, 'For tools: salesforce, slack.'],
    [{ field: 'region', type: 'string', operator: 'not_in', value: ['EU'] }, false, "For region, it's EU."],
    [{ field: 'pain', type: 'string', operator: 'exists' }, false, "I'm honestly not sure about pain."],
  ])('%o answered to %s: %s', (criterion, pass, line) => {
    expect(answerFor(criterion, pass)).toBe(line);
  });
});
