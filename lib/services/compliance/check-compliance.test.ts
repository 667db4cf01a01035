import { describe, expect, it } from 'vitest';
import { checkCompliance } from './index';

describe('checkCompliance', () => {
  it('US: no calls before 08:00 local (47 CFR 64.1200(c)(1))', () => {
    const d = checkCompliance({ phone: '+12125550100', declaredTimezone: 'America/New_York', at: new Date('2026-06-10T11:30:00Z') });
    expect(d.allowed).toBe(false);
    expect(d.reasons[0].rule).toBe('us-federal-hours');
    expect(d.nextAllowedAt).not.toBeNull();
  });
});
