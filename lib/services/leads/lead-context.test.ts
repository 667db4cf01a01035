import { describe, expect, it } from 'vitest';
import { resolveColumns } from '@/shared/csv-columns';
import { leadFromRecord } from './lead-from-record';
import { openLeadContext, sealLeadContext } from './lead-context';

describe('lead context is sealed where the lead is built', () => {
  it('a CSV record becomes a draft whose context is ciphertext, opening to the columns kept', () => {
    const { columns } = resolveColumns(['name', 'phone', 'Budget', 'Notes']);
    const verdict = leadFromRecord(['Ada', '+14155550101', '25,000', 'met at the fair'], columns, 'US');
    expect(verdict.lead?.context).toMatch(/^v1:/);
    expect(verdict.lead?.context).not.toContain('fair');
    expect(openLeadContext(verdict.lead!.context)).toEqual({ Budget: '25,000', Notes: 'met at the fair' });
  });

  it('an empty context is kept as {}, and one stored before encryption reads as it is', () => {
    expect(sealLeadContext({})).toBe('{}');
    expect(openLeadContext('{}')).toEqual({});
    expect(openLeadContext('{"legacy":"plain"}')).toEqual({ legacy: 'plain' });
  });
});
