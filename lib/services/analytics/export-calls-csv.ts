// Calls as CSV for spreadsheets and CRMs: each call with what the qualification found (criteria
// answers, score, next action, notes), its recording link, and the lead's CRM fields (the keys of its
// context, e.g. an `external_id` imported from the CSV) as columns of their own.
import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, schema, type Queryable } from '@/db';
import { callColumns } from '@/lib/services/calls/list-calls';
import { openRecordingUrl } from '@/lib/services/calls/call-personal-data';
import { cursorInstant, uuidCursor, walkKeyset, type Keyset } from '@/lib/services/keyset';
import { campaignContextKeys } from '@/lib/services/leads/campaign-context-keys';
import { openLeadContext } from '@/lib/services/leads/lead-context';
import { csvRow } from '@/shared/csv-writer';

const fixedHeaders = [
  'id',
  'leadId',
  'leadName',
  'phone',
  'attemptNumber',
  'status',
  'outcome',
  'outcomeNote',
  'durationSeconds',
  'score',
  'nextAction',
  'notes',
  'recordingUrl',
  'cost',
  'dialedAt',
  'answeredAt',
  'endedAt',
] as const;

const pageSize = 1000;

async function criteriaKeys(db: Queryable, campaignId: string): Promise<string[]> {
  const c = schema.campaignCalls;
  const rows = await db.execute(sql`select distinct jsonb_object_keys(${c.qualification} -> 'criteria') as key from ${c}
    where ${c.campaignId} = ${campaignId} and jsonb_typeof(${c.qualification} -> 'criteria') = 'object' order by 1`);
  return rowsOf<{ key: string }>(rows).map((r) => r.key);
}

/**
 * Every call of the campaign, oldest first, in keyset pages of 1,000 on the (campaign, created_at, id) index: each
 * page costs the same however deep (an OFFSET walked every row before it, so 1.5 M calls took quadratic time), and
 * only one page is held at a time.
 */
export async function* exportCallsCsv(db: Queryable, { campaignId }: { campaignId: string }): AsyncGenerator<string> {
  const [context, criteria] = await Promise.all([campaignContextKeys(db, campaignId), criteriaKeys(db, campaignId)]);
  const taken = new Set<string>(fixedHeaders);
  // A CRM field keeps its own name as the column unless a fixed column already has it.
  const contextHeaders = context.map((key) => (taken.has(key) ? `context.${key}` : key));
  yield csvRow([...fixedHeaders, ...criteria.map((key) => `criteria.${key}`), ...contextHeaders]);
  const c = schema.campaignCalls;
  const page = (after: Keyset | null) =>
    db
      .select({
        ...callColumns,
        nextAction: sql<string | null>`${c.qualification} ->> 'nextAction'`,
        notes: sql<string | null>`${c.qualification} ->> 'notes'`,
        criteria: sql<Record<string, unknown> | null>`${c.qualification} -> 'criteria'`,
        recordingUrl: c.recordingUrl,
        context: schema.leads.context,
        cursorAt: cursorInstant(c.createdAt),
      })
      .from(c)
      .innerJoin(schema.leads, eq(schema.leads.id, c.leadId))
      .where(and(eq(c.campaignId, campaignId), after ? uuidCursor.afterAscending(c.createdAt, c.id, after) : undefined))
      .orderBy(asc(c.createdAt), asc(c.id))
      .limit(pageSize);
  for await (const rows of walkKeyset(page, pageSize)) {
    yield rows
      .map((row) => {
        const open = { ...row, recordingUrl: openRecordingUrl(row.recordingUrl) } as Record<(typeof fixedHeaders)[number], unknown>;
        const crm = row.context ? openLeadContext(row.context) : {};
        return csvRow([...fixedHeaders.map((h) => open[h]), ...criteria.map((key) => row.criteria?.[key]), ...context.map((key) => crm[key])]);
      })
      .join('');
  }
}
