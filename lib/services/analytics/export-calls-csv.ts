// Calls as CSV for spreadsheets. Cells that a spreadsheet would run as a formula are escaped.
import { asc, eq } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { callColumns } from '@/lib/services/calls/list-calls';

const formulaStart = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed, and prefixed with ' when it would start a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const headers = ['id', 'leadName', 'phone', 'attemptNumber', 'status', 'outcome', 'outcomeNote', 'durationSeconds', 'score', 'cost', 'dialedAt', 'answeredAt', 'endedAt'] as const;

export async function* exportCallsCsv(db: Queryable, { campaignId }: { campaignId: string }): AsyncGenerator<string> {
  yield headers.join(',') + '\r\n';
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const rows = await db
      .select(callColumns)
      .from(schema.campaignCalls)
      .innerJoin(schema.leads, eq(schema.leads.id, schema.campaignCalls.leadId))
      .where(eq(schema.campaignCalls.campaignId, campaignId))
      .orderBy(asc(schema.campaignCalls.createdAt), asc(schema.campaignCalls.id))
      .limit(pageSize)
      .offset(offset);
    for (const row of rows) yield headers.map((h) => csvCell(row[h])).join(',') + '\r\n';
    if (rows.length < pageSize) return;
  }
}
