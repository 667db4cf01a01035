// A campaign's calls with their stored evidence, read in keyset pages so a big campaign is never loaded at once.
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import type { ComplianceEvidence } from '@/shared/compliance-evidence';

export const EVIDENCE_PAGE_SIZE = 1_000;

export interface CallEvidenceRow {
  id: string;
  leadId: string;
  phone: string;
  status: string;
  claimedAt: Date;
  compliance: ComplianceEvidence | null;
}

/** Pages in (created_at, id) order; the key is carried as Postgres text, since a JS Date drops its microseconds. */
export async function* callEvidencePages(db: Queryable, { campaignId, pageSize = EVIDENCE_PAGE_SIZE }: { campaignId: string; pageSize?: number }): AsyncGenerator<CallEvidenceRow[]> {
  const c = schema.campaignCalls;
  let after: { createdAt: string; id: string } | null = null;
  for (;;) {
    const rows: (CallEvidenceRow & { key: string })[] = await db
      .select({ id: c.id, leadId: c.leadId, phone: c.phone, status: c.status, claimedAt: c.claimedAt, compliance: c.compliance, key: sql<string>`${c.createdAt}::text` })
      .from(c)
      // The plain `created_at >=` bound lets the (campaign_id, created_at) index start at the page; the row
      // comparison then breaks ties between calls claimed in one transaction (same created_at).
      .where(
        and(
          eq(c.campaignId, campaignId),
          after ? sql`${c.createdAt} >= ${after.createdAt}::timestamptz and (${c.createdAt}, ${c.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(c.createdAt), asc(c.id))
      .limit(pageSize);
    if (rows.length === 0) return;
    yield rows.map(({ key: _key, ...row }) => row);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { createdAt: last.key, id: last.id };
  }
}
