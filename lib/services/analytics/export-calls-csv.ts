// Calls as CSV for spreadsheets and CRMs: each call with what the qualification found (criteria
// answers, score, next action, notes), its recording link, and the lead's CRM fields (the keys of its
// context, e.g. an `external_id` imported from the CSV) as columns of their own.
import { asc, eq, sql } from 'drizzle-orm';
import { rowsOf, schema, type Queryable } from '@/db';
import { callColumns } from '@/lib/services/calls/list-calls';
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

type ExportRow = Record<(typeof fixedHeaders)[number], unknown> & { criteria: Record<string, unknown> | null; context: Record<string, unknown> | null };

/** The keys found across the campaign's leads' context (CRM fields) and its calls' criteria answers. */
async function dynamicKeys(db: Queryable, campaignId: string) {
  const [contextKeys, criteriaKeys] = await Promise.all([
    db.execute(sql`select distinct jsonb_object_keys(${schema.leads.context}) as key from ${schema.leads}
      where ${schema.leads.campaignId} = ${campaignId} and jsonb_typeof(${schema.leads.context}) = 'object' order by 1`),
    db.execute(sql`select distinct jsonb_object_keys(${schema.campaignCalls.qualification} -> 'criteria') as key from ${schema.campaignCalls}
      where ${schema.campaignCalls.campaignId} = ${campaignId} and jsonb_typeof(${schema.campaignCalls.qualification} -> 'criteria') = 'object' order by 1`),
  ]);
  return { context: rowsOf<{ key: string }>(contextKeys).map((r) => r.key), criteria: rowsOf<{ key: string }>(criteriaKeys).map((r) => r.key) };
}

export async function* exportCallsCsv(db: Queryable, { campaignId }: { campaignId: string }): AsyncGenerator<string> {
  const keys = await dynamicKeys(db, campaignId);
  const taken = new Set<string>(fixedHeaders);
  // A CRM field keeps its own name as the column unless a fixed column already has it.
  const contextHeaders = keys.context.map((key) => (taken.has(key) ? `context.${key}` : key));
  const criteriaHeaders = keys.criteria.map((key) => `criteria.${key}`);
  yield csvRow([...fixedHeaders, ...criteriaHeaders, ...contextHeaders]);
  const c = schema.campaignCalls;
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const rows: ExportRow[] = await db
      .select({
        ...callColumns,
        nextAction: sql<string | null>`${c.qualification} ->> 'nextAction'`,
        notes: sql<string | null>`${c.qualification} ->> 'notes'`,
        criteria: sql<Record<string, unknown> | null>`${c.qualification} -> 'criteria'`,
        recordingUrl: c.recordingUrl,
        context: schema.leads.context,
      })
      .from(c)
      .innerJoin(schema.leads, eq(schema.leads.id, c.leadId))
      .where(eq(c.campaignId, campaignId))
      .orderBy(asc(c.createdAt), asc(c.id))
      .limit(pageSize)
      .offset(offset);
    yield rows
      .map((row) =>
        csvRow([
          ...fixedHeaders.map((h) => row[h]),
          ...keys.criteria.map((key) => row.criteria?.[key]),
          ...keys.context.map((key) => row.context?.[key]),
        ]),
      )
      .join('');
    if (rows.length < pageSize) return;
  }
}
