// A campaign's leads as CSV, streamed a page at a time. The first columns carry the importer's own
// headers (shared/lead-template.ts), so the file can be imported again; the lead's CRM fields (its
// context keys) follow as columns of their own, then what calling found.
import { and, asc, eq, gt } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { campaignContextKeys } from './campaign-context-keys';
import { openLeadContext } from './lead-context';
import { csvRow } from '@/shared/csv-writer';

const l = schema.leads;

const importColumns = {
  name: l.name,
  phone: l.phone,
  company: l.company,
  email: l.email,
  timezone: l.timezone,
  state: l.state,
  consent_at: l.consentAt,
  consent_source: l.consentSource,
  consent_text: l.consentText,
};
const resultColumns = { id: l.id, status: l.status, callAttempts: l.callAttempts, lastCalledAt: l.lastCalledAt, lastOutcome: l.lastOutcome, qualificationScore: l.qualificationScore };
const fixed = [...Object.keys(importColumns), ...Object.keys(resultColumns)];

export async function* exportLeadsCsv(db: Queryable, { campaignId, pageSize = 1000 }: { campaignId: string; pageSize?: number }): AsyncGenerator<string> {
  const contextKeys = await campaignContextKeys(db, campaignId);
  const taken = new Set(fixed);
  yield csvRow([...Object.keys(importColumns), ...contextKeys.map((k) => (taken.has(k) ? `context.${k}` : k)), ...Object.keys(resultColumns)]);
  // Keyset pages by id: steady cost per page however far into the list.
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({ ...importColumns, ...resultColumns, context: l.context })
      .from(l)
      .where(and(eq(l.campaignId, campaignId), after ? gt(l.id, after) : undefined))
      .orderBy(asc(l.id))
      .limit(pageSize);
    yield rows
      .map((row) => ({ ...row, context: openLeadContext(row.context) }))
      .map((row) => csvRow([...Object.keys(importColumns).map((k) => row[k as keyof typeof importColumns]), ...contextKeys.map((k) => row.context[k]), ...Object.keys(resultColumns).map((k) => row[k as keyof typeof resultColumns])]))
      .join('');
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}
