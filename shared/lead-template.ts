// The lead-list CSV template offered by the import panel: one column per field the importer reads
// (shared/csv-columns.ts), and one CRM field of the customer's own, which lands in the lead's context.
import { toCsv } from './csv-writer';
import type { LeadColumnTarget } from './csv-columns';

export const leadTemplateColumns: readonly { header: string; target: LeadColumnTarget; example: string }[] = [
  { header: 'name', target: 'name', example: 'Ada Lovelace' },
  { header: 'phone', target: 'phone', example: '+14155550100' },
  { header: 'company', target: 'company', example: 'Analytical Engines Ltd' },
  { header: 'email', target: 'email', example: 'ada@example.com' },
  { header: 'timezone', target: 'timezone', example: 'America/Los_Angeles' },
  { header: 'state', target: 'state', example: 'US-CA' },
  { header: 'consent_at', target: 'consent_at', example: '2026-01-15T10:00:00Z' },
  { header: 'consent_source', target: 'consent_source', example: 'web form' },
  { header: 'consent_text', target: 'consent_text', example: 'https://example.com/consent' },
  { header: 'external_id', target: 'context', example: 'CRM-0001' },
];

export function leadTemplateCsv(): string {
  return toCsv([leadTemplateColumns.map((c) => c.header), leadTemplateColumns.map((c) => c.example)]);
}
