import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { complianceRules } from '@/lib/services/compliance/rules';
import { complianceRulesTable, DOC_PATH, hoursText, withGeneratedTable } from './compliance-rules-table';

describe('docs/compliance.md rules table', () => {
  it('is up to date with complianceRules (run `npx tsx scripts/compliance-rules-table.ts` after changing a row)', () => {
    const doc = readFileSync(DOC_PATH, 'utf8');
    expect(doc).toBe(withGeneratedTable(doc));
  });

  it('has one line per rule row', () => {
    const rows = complianceRulesTable().split('\n').slice(2);
    expect(rows).toHaveLength(complianceRules.length);
    for (const r of complianceRules) expect(rows.some((line) => line.includes(`\`${r.id}\``)), r.id).toBe(true);
  });

  it('writes hours as people read them', () => {
    const row = (id: string) => complianceRules.find((r) => r.id === id)!;
    expect(hoursText(row('us-federal-hours'))).toBe('daily 08:00–21:00');
    expect(hoursText(row('us-ri-hours-sunday-holiday'))).toBe('Mon–Fri 09:00–18:00; Sat 10:00–17:00; Sun no calls');
    expect(hoursText(row('us-tx-hours'))).toBe('Mon–Sat 09:00–21:00; Sun 12:00–21:00');
    expect(hoursText(row('ca-crtc-hours'))).toBe('Mon–Fri 09:00–21:30; Sat–Sun 10:00–18:00');
    expect(hoursText(row('us-ms-hours-sunday'))).toBe('Mon–Sat 08:00–21:00; Sun no calls (also read in Etc/GMT+6)');
  });
});
