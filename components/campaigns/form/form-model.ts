// The campaign form's state (strings while typing) and its conversion to the API body, checked
// with the same zod schema the API uses so errors appear at the field before a round trip.
import { createCampaignBody } from '@/shared/contracts/campaign-body';
import { campaignConfigDefaults, MAX_ATTEMPTS_PER_LEAD, type RetryRules } from '@/shared/contracts/campaign-config';
import { criterionOperators, criterionTypes, listOperators, operatorsByType, type CriterionOperator, type CriterionType } from '@/shared/contracts/qualification-criteria';
import { fieldErrorsOf } from '@/lib/errors';
import { browserTimeZone } from '@/lib/client/time-zones';
import type { Campaign, CampaignBodyInput, QualificationCriterion } from './types';

export { criterionOperators, criterionTypes, listOperators, operatorsByType };
export type { CriterionOperator, CriterionType };

export const operatorLabels: Record<CriterionOperator, string> = {
  '==': 'is',
  '!=': 'is not',
  '>': 'is more than',
  '>=': 'is at least',
  '<': 'is less than',
  '<=': 'is at most',
  in: 'is one of',
  not_in: 'is none of',
  contains_any: 'includes any of',
  contains_all: 'includes all of',
  exists: 'is mentioned',
};

export const typeLabels: Record<CriterionType, string> = { number: 'Number', string: 'Text', boolean: 'Yes / no', string_list: 'List of text' };

export type WindowDraft = { key: string; dayOfWeek: number; startHour: number; endHour: number };
export type CriterionDraft = { key: string; field: string; type: CriterionType; operator: CriterionOperator; value: string; weight: string; label: string };

export type FormValues = {
  name: string;
  description: string;
  timezone: string;
  callWindows: WindowDraft[];
  maxCallsPerDay: string;
  maxCallsPerLead: string;
  maxConcurrentCalls: string;
  noAnswerDelaysHours: string;
  busyDelaysHours: string;
  failedDelaysHours: string;
  voicemail: RetryRules['voicemail'];
  qualificationCriteria: CriterionDraft[];
  minQualificationScore: string;
  agentName: string;
  scriptGuidance: string;
  callerId: string;
  voicemailMessage: string;
  recordCalls: boolean;
  recordingDisclosure: string;
  budget: string;
  /** Days a call's transcript and recording are kept; '' = kept. */
  retentionDays: string;
  costPerMinute: string;
  agentCostPerMinute: string;
  /** Config the form does not show, carried through an edit untouched. */
  passthrough: { retryDelayHours?: number; defaultRegion?: string };
};

export type FieldErrors = Record<string, string>;

let counter = 0;
export const newKey = () => `k${++counter}`;

export function windowsFor(days: number[], startHour: number, endHour: number): WindowDraft[] {
  return days.map((dayOfWeek) => ({ key: newKey(), dayOfWeek, startHour, endHour }));
}

export const windowPresets = [
  { label: 'Weekdays 9–17', windows: () => windowsFor([1, 2, 3, 4, 5], 9, 17) },
  { label: 'Every day 9–20', windows: () => windowsFor([0, 1, 2, 3, 4, 5, 6], 9, 20) },
];

export function blankCriterion(): CriterionDraft {
  return { key: newKey(), field: '', type: 'string', operator: '==', value: '', weight: '10', label: '' };
}

/** How a list of delays reads in the form: "1, 4, 24". */
export const delaysText = (hours: readonly number[] | undefined) => (hours ?? []).join(', ');

// The form's starting values are the contract's defaults; only what the contract leaves to the user is suggested here.
const suggestedMaxCallsPerDay = 200;

export function defaultValues(): FormValues {
  const d = campaignConfigDefaults;
  return {
    name: '',
    description: '',
    timezone: browserTimeZone(),
    callWindows: windowsFor([1, 2, 3, 4, 5], 9, 17),
    maxCallsPerDay: String(suggestedMaxCallsPerDay),
    maxCallsPerLead: String(MAX_ATTEMPTS_PER_LEAD),
    maxConcurrentCalls: String(d.maxConcurrentCalls),
    noAnswerDelaysHours: delaysText(d.retryRules.noAnswerDelaysHours),
    busyDelaysHours: delaysText(d.retryRules.busyDelaysHours),
    failedDelaysHours: delaysText(d.retryRules.failedDelaysHours),
    voicemail: d.retryRules.voicemail,
    qualificationCriteria: [],
    minQualificationScore: String(d.minQualificationScore),
    agentName: '',
    scriptGuidance: '',
    callerId: '',
    voicemailMessage: '',
    recordCalls: d.recordCalls,
    recordingDisclosure: d.recordingDisclosure,
    budget: '',
    retentionDays: '',
    costPerMinute: String(d.costPerMinute),
    agentCostPerMinute: String(d.agentCostPerMinute),
    passthrough: {},
  };
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function valueToText(value: QualificationCriterion['value']): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function valuesFromCampaign(c: Campaign): FormValues {
  return {
    name: c.name,
    description: c.description ?? '',
    timezone: c.timezone,
    callWindows: c.callWindows.map((w) => ({ key: newKey(), ...w })),
    maxCallsPerDay: str(c.maxCallsPerDay),
    maxCallsPerLead: str(c.maxCallsPerLead),
    maxConcurrentCalls: str(c.maxConcurrentCalls),
    noAnswerDelaysHours: delaysText(c.retryRules?.noAnswerDelaysHours),
    busyDelaysHours: delaysText(c.retryRules?.busyDelaysHours),
    failedDelaysHours: delaysText(c.retryRules?.failedDelaysHours),
    voicemail: c.retryRules?.voicemail ?? campaignConfigDefaults.retryRules.voicemail,
    qualificationCriteria: (c.qualificationCriteria ?? []).map((q) => ({
      key: newKey(),
      field: q.field,
      type: q.type,
      operator: q.operator,
      value: valueToText(q.value),
      weight: str(q.weight),
      label: q.label ?? '',
    })),
    minQualificationScore: str(c.minQualificationScore),
    agentName: c.agentName ?? '',
    scriptGuidance: c.scriptGuidance ?? '',
    callerId: c.callerId ?? '',
    voicemailMessage: c.voicemailMessage ?? '',
    recordCalls: c.recordCalls ?? campaignConfigDefaults.recordCalls,
    recordingDisclosure: c.recordingDisclosure ?? '',
    budget: str(c.budget),
    retentionDays: str(c.retentionDays),
    costPerMinute: str(c.costPerMinute),
    agentCostPerMinute: str(c.agentCostPerMinute ?? campaignConfigDefaults.agentCostPerMinute),
    passthrough: { retryDelayHours: c.retryDelayHours, defaultRegion: c.defaultRegion },
  };
}

/** "12.5" → 12.5, "" → undefined, "abc" → NaN (so the schema names the field). */
function num(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

function numList(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
}

const optionalText = (text: string) => (text.trim() === '' ? undefined : text.trim());

export function criterionValue(d: Pick<CriterionDraft, 'type' | 'operator' | 'value'>): QualificationCriterion['value'] {
  if (d.operator === 'exists') return undefined;
  const text = d.value.trim();
  if (listOperators.includes(d.operator)) {
    if (!text) return undefined;
    const items = text.split(',').map((s) => s.trim()).filter(Boolean);
    return d.type === 'number' ? items.map((s) => (Number.isFinite(Number(s)) ? Number(s) : s)) : items;
  }
  if (text === '') return undefined;
  if (d.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (d.type === 'number') return Number.isFinite(Number(text)) ? Number(text) : text;
  return text;
}

export function criteriaFrom(drafts: CriterionDraft[]) {
  return drafts.map((d) => ({
    field: d.field.trim(),
    type: d.type,
    operator: d.operator,
    value: criterionValue(d),
    weight: num(d.weight) as number,
    label: optionalText(d.label),
  }));
}

export function toBody(v: FormValues): CampaignBodyInput {
  return {
    name: v.name,
    description: v.description.trim() || null,
    timezone: v.timezone,
    callWindows: v.callWindows.map(({ dayOfWeek, startHour, endHour }) => ({ dayOfWeek, startHour, endHour })),
    maxCallsPerDay: num(v.maxCallsPerDay) as number,
    maxCallsPerLead: num(v.maxCallsPerLead) as number,
    maxConcurrentCalls: num(v.maxConcurrentCalls),
    ...(v.passthrough.retryDelayHours !== undefined ? { retryDelayHours: v.passthrough.retryDelayHours } : {}),
    ...(v.passthrough.defaultRegion ? { defaultRegion: v.passthrough.defaultRegion } : {}),
    retryRules: {
      noAnswerDelaysHours: numList(v.noAnswerDelaysHours),
      busyDelaysHours: numList(v.busyDelaysHours),
      failedDelaysHours: numList(v.failedDelaysHours),
      voicemail: v.voicemail,
    },
    qualificationCriteria: criteriaFrom(v.qualificationCriteria) as QualificationCriterion[],
    minQualificationScore: num(v.minQualificationScore) as number,
    agentName: optionalText(v.agentName),
    scriptGuidance: optionalText(v.scriptGuidance),
    callerId: optionalText(v.callerId),
    voicemailMessage: optionalText(v.voicemailMessage),
    recordCalls: v.recordCalls,
    recordingDisclosure: v.recordingDisclosure,
    budget: num(v.budget),
    retentionDays: num(v.retentionDays),
    costPerMinute: num(v.costPerMinute),
    agentCostPerMinute: num(v.agentCostPerMinute),
  };
}

/** The API's own schema, with friendlier words for empty and non-numeric inputs. */
export function validate(body: CampaignBodyInput): FieldErrors {
  const result = createCampaignBody.safeParse(body, {
    error: (issue) => {
      if (issue.code !== 'invalid_type') return undefined;
      if (issue.input === undefined) return 'Required';
      if (issue.expected === 'number') return 'Enter a number';
      return undefined;
    },
  });
  if (result.success) return {};
  const errors = fieldErrorsOf(result.error);
  for (const [key, message] of Object.entries(errors)) errors[key] = formWording[message] ?? message;
  return errors;
}

// The schema's messages name the API's fields; beside the form's own controls these read better.
const formWording: Record<string, string> = {
  'endHour must be after startHour': 'The window must end after it starts',
};

/** The message for a field, or for anything nested under it (`retryRules.busyDelaysHours.1`). */
export function errorAt(errors: FieldErrors, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${key}.`));
  return nested ? errors[nested] : undefined;
}
