import { describe, expect, it } from 'vitest';
import type { TranscriptTurn } from '@/db/schema/calls';
import { extractGenericField, type GenericField } from './generic-field';
import { leadUtterances } from './utterances';

const say = (...lines: string[]): TranscriptTurn[] => lines.map((l) => ({ speaker: l.startsWith('A:') ? 'agent' : 'lead', text: l.slice(2).trim() }));
const read = (f: Partial<GenericField> & Pick<GenericField, 'field' | 'type'>, ...lines: string[]) =>
  extractGenericField(leadUtterances(say(...lines)), { values: [], ...f });

describe('fields the extractor does not know by name', () => {
  it.each([
    [{ field: 'monthly_calls', type: 'number' as const }, ['A: How many calls do you make a month?', 'L: About two thousand.'], 2000],
    [{ field: 'uses_salesforce', type: 'boolean' as const }, ['A: Do you use Salesforce?', 'L: Yes, for years.'], true],
    [{ field: 'uses_salesforce', type: 'boolean' as const }, ['A: Do you use Salesforce?', 'L: Nope.'], false],
    [{ field: 'has_sdr_team', type: 'boolean' as const }, ["L: We don't have an SDR team yet."], false],
    [{ field: 'industry', type: 'string' as const, values: ['healthcare', 'fintech'] }, ["L: We're a healthcare startup."], 'healthcare'],
    [{ field: 'industry', type: 'string' as const }, ['A: What industry are you in?', 'L: Logistics, mostly.'], 'Logistics, mostly.'],
    [{ field: 'channels', type: 'string_list' as const }, ['A: Which channels do you sell through?', 'L: Email, phone and chat.'], ['email', 'phone', 'chat']],
    [{ field: 'channels', type: 'string_list' as const, values: ['email', 'sms'] }, ["L: We don't do sms, only email."], ['email']],
    [{ field: 'industry', type: 'string' as const }, ['A: What budget?', 'L: 50k.'], null],
  ])('%j reads %j as %j', (f, lines, expected) => {
    expect(read(f, ...lines)).toEqual(expected);
  });
});

describe('configured values with separators', () => {
  it('matches within_month said as "within month"', () => {
    expect(extractGenericField(leadUtterances([{ speaker: 'lead', text: 'We are thinking within month, maybe.' }]), { field: 'stage', type: 'string', values: ['within_month'] })).toBe('within_month');
  });
});
