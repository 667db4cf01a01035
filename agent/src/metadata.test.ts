import { describe, expect, it } from 'vitest';
import { sampleMetadata } from './test-fixtures';
import { InvalidMetadataError, parseDispatchMetadata } from './metadata';

const json = (value: unknown) => JSON.stringify(value);

describe('dispatch metadata', () => {
  it('parses the metadata the app sends', () => {
    const meta = parseDispatchMetadata(json(sampleMetadata()));
    expect(meta.call_id).toBe('call_1');
    expect(meta.qualification_criteria.criteria.map((c) => c.field)).toEqual(['budget', 'decision_maker', 'timeline', 'tools']);
    expect(meta.recording_disclosure).toBe('This call is recorded for quality and training.');
  });

  it('accepts a campaign without recording, guidance, company, zone or voicemail message', () => {
    const { voicemail_message: _omitted, ...rest } = sampleMetadata({ recording_disclosure: null, script_guidance: null, lead_company: null, lead_timezone: null });
    const meta = parseDispatchMetadata(json(rest));
    expect(meta.recording_disclosure).toBeNull();
    expect(meta.voicemail_message).toBeUndefined();
  });

  it('gives a criterion without a type the string type, as the app does', () => {
    const meta = sampleMetadata();
    const raw = { ...meta, qualification_criteria: { ...meta.qualification_criteria, criteria: [{ field: 'industry', operator: 'exists', weight: 5 }] } };
    expect(parseDispatchMetadata(json(raw)).qualification_criteria.criteria[0].type).toBe('string');
  });

  it('ignores keys it does not know, so the app can add some', () => {
    expect(() => parseDispatchMetadata(json({ ...sampleMetadata(), lead_id: 'lead_9' }))).not.toThrow();
  });

  it.each(['campaign_id', 'call_id', 'lead_name', 'lead_company', 'lead_phone', 'lead_timezone', 'lead_context', 'qualification_criteria', 'script_guidance', 'recording_disclosure', 'report_url', 'report_token'])(
    'a missing %s is refused, naming the key',
    (key) => {
      const raw: Record<string, unknown> = { ...sampleMetadata() };
      delete raw[key];
      expect(() => parseDispatchMetadata(json(raw))).toThrow(InvalidMetadataError);
      expect(() => parseDispatchMetadata(json(raw))).toThrow(new RegExp(`\\b${key}\\b`));
    },
  );

  it('names the bad key inside a criterion', () => {
    const meta = sampleMetadata();
    const raw = { ...meta, qualification_criteria: { ...meta.qualification_criteria, criteria: [{ field: 'budget', type: 'currency', operator: '>', weight: 1 }] } };
    expect(() => parseDispatchMetadata(json(raw))).toThrow(/qualification_criteria\.criteria\.0\.type/);
  });

  it('refuses metadata that is not JSON, or is empty', () => {
    expect(() => parseDispatchMetadata('not json')).toThrow(/not JSON/);
    expect(() => parseDispatchMetadata('')).toThrow(InvalidMetadataError);
  });
});
