// A campaign's progress counters on their own, for the engine tests and drills; the dashboard's /progress reads
// them inside progress-report.ts. Both come from the campaign's lead counters (lib/services/campaigns/lead-counts.ts),
// which the database keeps in the same transaction as every lead change: exact, and one row whatever the size.
import type { Queryable } from '@/db';
import { progressOf, readLeadCounts, type ProgressCounts } from '@/lib/services/campaigns/lead-counts';

export type { ProgressCounts };

export async function countProgress(db: Queryable, campaignId: string): Promise<ProgressCounts> {
  return progressOf(await readLeadCounts(db, campaignId));
}
