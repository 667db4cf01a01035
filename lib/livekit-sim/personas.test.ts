import { describe, expect, it } from 'vitest';
import type { DispatchMetadata } from '@/shared/contracts/agent-dispatch';
import { agentReportBody } from '@/shared/contracts/agent-report';
import { answeredReport, conversationSeconds, exchangeFor, personas, voicemailReport } from './personas';

const metadata: DispatchMetadata = {
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
      { field: 'timeline', type: 'string', operator: 'in', value: ['within_quarter', 'immediate'], weight: 1 },
    ],
    minQualificationScore: 60,
  },
  script_guidance: null,
  recording_disclosure: 'This call is recorded.',
  recording_disclosure_first: true,
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
    ['qualified_buyer', ['We have about $15,000 set aside.', "Yes, that's me. I make the call.", 'Probably this quarter.'], { endedReason: 'completed' }],
    ['small_budget', ['Honestly, only about $4,000.', "Yes, that's me. I make the call.", 'money is tight'], { endedReason: 'completed' }],
    ['not_decision_maker', ['We have about $15,000 set aside.', 'No, my manager decides that.', 'ask my boss'], { endedReason: 'completed' }],
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

  it("an answering machine gives the greeting, the agent leaves the campaign's message", () => {
    const report = voicemailReport({ ...metadata, voicemail_message: 'Hi Dana, Alex from RouteCo here. I will try again soon.' });
    expect(report).toMatchObject({ answeringMachine: true, endedReason: 'voicemail' });
    expect(report.transcript.map((t) => [t.speaker, t.text])).toEqual([
      ['lead', expect.stringContaining('leave a message')],
      ['agent', 'Hi Dana, Alex from RouteCo here. I will try again soon.'],
    ]);
  });

  it('an answering machine on a campaign without a voicemail message is hung up on, as the agent does', () => {
    const report = voicemailReport({ ...metadata, voicemail_message: null });
    expect(report).toMatchObject({ answeringMachine: true, endedReason: 'voicemail' });
    expect(report.transcript.map((t) => t.speaker)).toEqual(['lead']);
    expect(agentReportBody.parse(report)).toEqual(report);
  });

  it.each([
    [{ field: 'employees', type: 'number', operator: '>', value: 50 }, true, ['How many employees do you have?', 'About 75 people.']],
    [{ field: 'employees', type: 'number', operator: '>', value: 50 }, false, ['How many employees do you have?', 'About 20 people.']],
    [{ field: 'team_size', type: 'number', operator: '<=', value: 500 }, true, ['How many people are on your team?', 'About 300 people.']],
    [{ field: 'budget', type: 'number', operator: '>=', value: 10000, label: 'annual budget' }, false, ['Roughly what annual budget are you working with?', 'Honestly, only about $4,000.']],
    [{ field: 'monthly_calls', type: 'number', operator: '==', value: 200 }, true, ['What would you say your monthly calls is, roughly?', 'Monthly calls is about 200.']],
    [{ field: 'decision_maker', type: 'boolean', operator: '==', value: true }, false, ['Are you the person who signs off on this?', 'No, my manager decides that.']],
    [{ field: 'has_crm', type: 'boolean', operator: '==', value: false }, true, ['Quick one on has crm: would you say yes?', 'No, not really.']],
    [{ field: 'timeline', type: 'string', operator: 'in', value: ['immediate', 'within_month'] }, true, ['When are you hoping to have something in place?', 'Probably right away.']],
    [{ field: 'industry', type: 'string', operator: '==', value: 'retail' }, true, ['What about industry?', 'Probably retail.']],
    [{ field: 'tools', type: 'string_list', operator: 'contains_all', value: ['salesforce', 'slack'] }, true, ['What about tools?', 'salesforce and slack.']],
    [{ field: 'region', type: 'string', operator: 'not_in', value: ['EU'] }, false, ['What about region?', 'Probably EU.']],
    [{ field: 'pain', type: 'string', operator: 'exists' }, false, ['What about pain?', "I'm honestly not sure."]],
  ])('%o answered to %s', (criterion, pass, exchange) => {
    expect(exchangeFor(criterion, pass)).toEqual(exchange);
  });
});
