// What the simulated lead says. An answered call gets a persona; the conversation is filled from
// the dispatch metadata (the lead's name, company and context, the campaign's criteria), so the
// app's scoring sees answers to the questions it actually asks, and the report matches the persona.
import { DateTime } from 'luxon';
import type { DispatchCriterion, DispatchMetadata } from '@/shared/contracts/agent-dispatch';
import type { AgentReportBody } from '@/shared/contracts/agent-report';
import { pickWeighted, type Random } from './random';

export const personas = [
  'qualified_buyer',
  'small_budget',
  'not_decision_maker',
  'callback_next_week',
  'not_interested',
  'opt_out',
  'wrong_person',
] as const;
export type Persona = (typeof personas)[number];

export const personaWeights: Readonly<Record<Persona, number>> = {
  qualified_buyer: 0.25,
  small_budget: 0.15,
  not_decision_maker: 0.15,
  callback_next_week: 0.15,
  not_interested: 0.15,
  opt_out: 0.07,
  wrong_person: 0.08,
};

export function pickPersona(random: Random): Persona {
  return pickWeighted(random, personas.map((p) => [p, personaWeights[p]] as const));
}

// What the simulated lead needs to answer a criterion (the tests phrase criteria without weights).
type Criterion = Pick<DispatchCriterion, 'field' | 'operator' | 'value' | 'label'> & { type?: string };

const moneyField = /budget|spend|price|cost|amount|revenue|deal|arr|mrr/i;
const authorityField = /decision|authority|sign|approv|role|title|owner|buyer/i;

const criteriaOf = (metadata: DispatchMetadata): Criterion[] => metadata.qualification_criteria.criteria;

const humanise = (field: string) => field.replace(/_/g, ' ');
const labelOf = (c: Criterion) => c.label?.trim() || humanise(c.field);

/** Which criteria this persona answers so that they fail. */
function failingFields(persona: Persona, criteria: Criterion[]): Set<string> {
  const pickFirst = (test: (c: Criterion) => boolean, fallback: (c: Criterion) => boolean) => {
    const matching = criteria.filter(test);
    return new Set((matching.length ? matching : criteria.filter(fallback).slice(0, 1)).map((c) => c.field));
  };
  if (persona === 'small_budget') return pickFirst((c) => moneyField.test(c.field), (c) => typeof c.value === 'number');
  if (persona === 'not_decision_maker') return pickFirst((c) => authorityField.test(c.field), (c) => typeof c.value === 'boolean');
  return new Set();
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/** Campaign values as a person says them: `within_quarter` → "this quarter". */
const spokenValue: Record<string, string> = {
  immediate: 'right away',
  within_month: 'within the next month',
  within_quarter: 'this quarter',
  later: 'sometime next year',
  none: 'we have no plans to',
};
const say = (value: unknown) => spokenValue[String(value)] ?? humanise(String(value));

const teamField = /headcount|employees|seats|staff|reps|agents|users|team/i;
const timelineField = /timeline|timeframe|timing|urgency|when/i;

/** The number a lead gives so that `c` passes (or fails). */
function numberFor(c: Criterion, pass: boolean): number {
  const v = typeof c.value === 'number' ? c.value : Number(listOf(c.value)[0] ?? 10);
  switch (c.operator) {
    case '>':
    case '>=':
      return pass ? Math.max(v * 1.5, v + 1) : Math.max(0, Math.min(v * 0.4, v - 1));
    case '<':
    case '<=':
      return pass ? Math.max(0, Math.min(v * 0.6, v - 1)) : Math.max(v * 1.6, v + 1);
    case '!=':
    case 'not_in':
      return pass ? v + Math.max(1, v * 0.5) : v;
    default:
      return pass ? v : v + Math.max(1, v * 0.5);
  }
}

/** Whether the lead says yes, for a yes/no criterion. */
function saysYes(c: Criterion, pass: boolean): boolean {
  if (c.operator === 'exists') return pass;
  const wanted = c.value !== false;
  return c.operator === '!=' ? (pass ? !wanted : wanted) : pass ? wanted : !wanted;
}

/**
 * The agent's question about one criterion and the lead's answer, true to it when `pass`, against
 * it otherwise. Phrased as people say it, since the app reads answers in light of the question.
 */
export function exchangeFor(c: Criterion, pass: boolean): [agent: string, lead: string] {
  const label = labelOf(c);
  const boolean = c.type === 'boolean' || typeof c.value === 'boolean';
  const numeric = !boolean && (c.type === 'number' || typeof c.value === 'number' || (Array.isArray(c.value) && typeof c.value[0] === 'number'));

  if (boolean && authorityField.test(c.field)) {
    return ['Are you the person who signs off on this?', saysYes(c, pass) ? "Yes, that's me. I make the call." : 'No, my manager decides that.'];
  }
  if (boolean) return [`Quick one on ${label}: would you say yes?`, saysYes(c, pass) ? 'Yes.' : 'No, not really.'];

  if (numeric) {
    if (c.operator === 'exists' && !pass) return [`Roughly what ${label} are we talking about?`, "I'm honestly not sure."];
    const n = Math.round(c.operator === 'exists' ? 50 : numberFor(c, pass));
    if (moneyField.test(c.field)) {
      return [`Roughly what ${label} are you working with?`, pass ? `We have about $${n.toLocaleString('en-US')} set aside.` : `Honestly, only about $${n.toLocaleString('en-US')}.`];
    }
    if (teamField.test(c.field)) return [/size|count/i.test(label) ? 'How many people are on your team?' : `How many ${label} do you have?`, `About ${n} people.`];
    return [`What would you say your ${label} is, roughly?`, `${label[0].toUpperCase()}${label.slice(1)} is about ${n}.`];
  }

  const values = listOf(c.value);
  const question = timelineField.test(c.field) ? 'When are you hoping to have something in place?' : `What about ${label}?`;
  if (c.operator === 'exists') return [question, pass ? 'Yes, we have that figured out.' : "I'm honestly not sure."];
  const first = say(values[0] ?? 'yes');
  switch (c.operator) {
    case 'in':
    case 'contains_any':
    case '==':
      return [question, pass ? `Probably ${first}.` : 'None of those, really.'];
    case 'contains_all':
      return [question, pass ? `${values.map(say).join(' and ')}.` : `Only ${first}, nothing else.`];
    default: // '!=' and 'not_in'
      return [question, pass ? 'Something else entirely.' : `Probably ${first}.`];
  }
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] || name;

type Turn = AgentReportBody['transcript'][number];

/** Turns with start times: each line takes about as long as it takes to say, plus a pause. */
function timed(lines: [Turn['speaker'], string][]): Turn[] {
  let at = 600;
  return lines.map(([speaker, text]) => {
    const turn = { speaker, text, startMs: at };
    at += 400 + text.split(/\s+/).length * 330 + 500;
    return turn;
  });
}

/** How long the conversation in a report lasts, in (simulated) seconds. */
export function conversationSeconds(report: AgentReportBody): number {
  const last = report.transcript[report.transcript.length - 1];
  if (!last) return 1;
  return ((last.startMs ?? 0) + 400 + last.text.split(/\s+/).length * 330) / 1000;
}

function opener(metadata: DispatchMetadata): [Turn['speaker'], string][] {
  const first = firstName(metadata.lead_name);
  const disclosure = metadata.recording_disclosure ? ` ${metadata.recording_disclosure}` : '';
  return [
    ['agent', `Hi, is this ${first}? This is Alex.${disclosure}`],
  ];
}

function pitch(metadata: DispatchMetadata): string {
  const context = metadata.lead_context;
  const industry = typeof context.industry === 'string' ? context.industry : undefined;
  const company = metadata.lead_company ?? 'your team';
  return `I'm reaching out because we help ${industry ? `${industry} companies like ` : 'teams like '}${company} book more qualified meetings. Do you have two minutes?`;
}

/** The agent's report for an answered call with this persona. */
export function answeredReport(metadata: DispatchMetadata, persona: Persona, now: Date): AgentReportBody {
  const first = firstName(metadata.lead_name);
  const lines = opener(metadata);
  const criteria = criteriaOf(metadata);
  const qualifying = (summary: string, closing: string): AgentReportBody => {
    const failing = failingFields(persona, criteria);
    lines.push(['lead', `Yes, speaking.`], ['agent', pitch(metadata)], ['lead', 'Sure, go ahead.']);
    for (const c of criteria) {
      const [question, answer] = exchangeFor(c, !failing.has(c.field));
      lines.push(['agent', question], ['lead', answer]);
    }
    if (persona === 'small_budget') lines.push(['lead', 'Honestly, money is tight for us this year.']);
    if (persona === 'not_decision_maker') lines.push(['lead', "I'd need to ask my boss before we go any further."]);
    lines.push(['agent', closing], ['lead', 'Thanks, bye.']);
    return { transcript: timed(lines), summary, endedReason: 'completed' };
  };

  switch (persona) {
    case 'qualified_buyer':
      return qualifying(`${first} is interested and answered every qualification question favourably.`, 'That sounds like a great fit. I will send over some times for a proper demo.');
    case 'small_budget':
      return qualifying(`${first} is interested but the budget is too small for now.`, 'Understood. I will send some material you can keep for later.');
    case 'not_decision_maker':
      return qualifying(`${first} is not the decision maker; the decision sits with their manager.`, 'Thanks, I will send a short summary you can pass on.');
    case 'callback_next_week': {
      const zone = metadata.lead_timezone ?? 'UTC';
      const local = DateTime.fromJSDate(now).setZone(zone);
      const callbackAt = (local.isValid ? local : DateTime.fromJSDate(now).setZone('UTC')).plus({ weeks: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
      lines.push(
        ['lead', "I'm in the middle of something right now. Could you call me back next week?"],
        ['agent', `Of course. Would ${callbackAt.toFormat('cccc')} around ten in the morning work?`],
        ['lead', 'Yes, that works.'],
        ['agent', 'Perfect, talk to you then.'],
      );
      return { transcript: timed(lines), summary: `${first} asked to be called back next week.`, callbackAt: callbackAt.toUTC().toISO()!, endedReason: 'callback_requested' };
    }
    case 'not_interested':
      lines.push(['lead', 'Yes.'], ['agent', pitch(metadata)], ['lead', "Thanks, but we're not interested."], ['agent', 'No problem, thanks for your time.']);
      return { transcript: timed(lines), summary: `${first} is not interested.`, endedReason: 'not_interested' };
    case 'opt_out':
      lines.push(['lead', 'Please take me off your list and do not call me again.'], ['agent', 'Understood, I will make sure you are not contacted again. Sorry to bother you.']);
      return { transcript: timed(lines), summary: `${first} asked not to be called again.`, optOut: true, endedReason: 'opt_out' };
    case 'wrong_person':
      lines.push(['lead', `There's no ${first} here, you have the wrong number.`], ['agent', 'My apologies, sorry to have bothered you.']);
      return { transcript: timed(lines), summary: 'Wrong person: the number does not reach the lead.', endedReason: 'wrong_person' };
  }
}

/**
 * The agent's report when an answering machine picks up: the greeting, then the campaign's voicemail
 * message, as the agent leaves it; a campaign without one is hung up on after the greeting, as the agent does.
 */
export function voicemailReport(metadata: DispatchMetadata): AgentReportBody {
  const first = firstName(metadata.lead_name);
  const greeting = `Hi, you've reached ${first}${metadata.lead_company ? ` at ${metadata.lead_company}` : ''}. I can't take your call right now, please leave a message after the tone.`;
  const message = metadata.voicemail_message?.trim();
  return {
    transcript: timed(message ? [['lead', greeting], ['agent', message]] : [['lead', greeting]]),
    answeringMachine: true,
    summary: message ? 'Voicemail: the agent left the campaign\'s message.' : 'Voicemail: the campaign has no message to leave, so the agent hung up.',
    endedReason: 'voicemail',
  };
}
