// Calls as CSV for spreadsheets. Cells that a spreadsheet would run as a formula are escaped.
import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import { callColumns } from '@/lib/services/calls/list-calls';
import { cursorInstant, type Keyset } from '@/lib/services/campaigns/keyset';

const formulaStart = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed, and prefixed with ' when it would start a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const headers = ['id', 'leadName', 'phone', 'attemptNumber', 'status', 'outcome', 'outcomeNote', 'durationSeconds', 'score', 'cost', 'dialedAt', 'answeredAt', 'endedAt'] as const;

/**
 * Every call of the campaign, oldest first, in keyset pages of 1,000 on the (campaign, created_at, id) index: each
 * page costs the same however deep (an OFFSET walked every row before it, so 1.5 M calls took quadratic time), and
 * only one page is held at a time.
 */
export async function* exportCallsCsv(db: Queryable, { campaignId }: { campaignId: string }): AsyncGenerator<string> {
  yield headers.join(',') + '\r\n';
  const pageSize = 1000;
  const c = schema.campaignCalls;
  const page = (after: Keyset | null) =>
    db
      .select({ ...callColumns, cursorAt: cursorInstant(c.createdAt) })
      .from(c)
      .innerJoin(schema.leads, eq(schema.leads.id, c.leadId))
      .where(and(eq(c.campaignId, campaignId), after ? sql`(${c.createdAt}, ${c.id}) > (${after.at}::timestamptz, ${after.id}::uuid)` : undefined))
      .orderBy(asc(c.createdAt), asc(c.id))
      .limit(pageSize);
  for (let rows = await page(null); ; ) {
    for (const row of rows) yield headers.map((h) => csvCell(row[h])).join(',') + '\r\n';
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    rows = await page({ at: last.cursorAt, id: last.id });
  }
}
