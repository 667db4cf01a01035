import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Queryable } from '@/db';
import type { LeadDraft } from './lead-from-record';

export type BatchCounts = { inserted: number; duplicates: number; dnc: number };

/**
 * Inserts a batch of leads in one statement. Numbers on the owner's DNC list are left out; a
 * number already in the campaign (from an earlier batch, an earlier upload, or twice in this
 * batch) is left to the unique (campaign_id, phone) index, and the difference is the duplicates.
 */
export async function insertLeadBatch(
  db: Queryable,
  { campaignId, ownerId, leads, now }: { campaignId: string; ownerId: string; leads: readonly LeadDraft[]; now: Date },
): Promise<BatchCounts> {
  if (leads.length === 0) return { inserted: 0, duplicates: 0, dnc: 0 };
  const phones = [...new Set(leads.map((l) => l.phone))];
  const blocked = await db
    .select({ phone: schema.dncNumbers.phone })
    .from(schema.dncNumbers)
    .where(and(eq(schema.dncNumbers.ownerId, ownerId), inArray(schema.dncNumbers.phone, phones)));
  const onDnc = new Set(blocked.map((r) => r.phone));

  const seen = new Set<string>();
  const rows: (typeof schema.leads.$inferInsert)[] = [];
  let dnc = 0;
  let duplicates = 0;
  for (const lead of leads) {
    if (onDnc.has(lead.phone)) dnc++;
    else if (seen.has(lead.phone)) duplicates++;
    else {
      seen.add(lead.phone);
      rows.push({ campaignId, ...lead, createdAt: now, updatedAt: now });
    }
  }
  if (rows.length === 0) return { inserted: 0, duplicates, dnc };
  const inserted = await db
    .insert(schema.leads)
    .values(rows)
    .onConflictDoNothing({ target: [schema.leads.campaignId, schema.leads.phone] })
    .returning({ id: schema.leads.id });
  return { inserted: inserted.length, duplicates: duplicates + rows.length - inserted.length, dnc };
}
