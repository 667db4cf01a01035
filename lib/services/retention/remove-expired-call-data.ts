// Retention: a campaign with `retentionDays` set keeps a call's transcript, recording and agent report that
// many days after the call ended, then deletes them. The call row stays (status, outcome, score, times,
// cost, evidence), so counts and analytics do not change. Only settled calls: an unsettled one still
// needs its report to be judged.
import { sql } from 'drizzle-orm';
import { rowsOf, schema, type Queryable } from '@/db';

const batchSize = 1000;

/** Removes what has expired as of `now`, in batches; returns how many calls lost their personal data. */
export async function removeExpiredCallData(db: Queryable, { now }: { now: Date }): Promise<{ calls: number }> {
  const c = schema.campaignCalls;
  const k = schema.campaigns;
  let calls = 0;
  for (;;) {
    const removed = rowsOf<{ id: string }>(
      await db.execute(sql`
        update ${c} set transcript = null, recording_url = null, report = null, personal_data_removed_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
        where ${c.id} in (
          select x.id from ${c} x join ${k} on ${k.id} = x.campaign_id
          where ${k.config}->>'retentionDays' is not null
            and x.personal_data_removed_at is null
            and x.outcome is not null
            and x.ended_at < ${now.toISOString()}::timestamptz - make_interval(days => (${k.config}->>'retentionDays')::int)
            and (x.transcript is not null or x.recording_url is not null or x.report is not null)
          limit ${batchSize}
        )
        returning ${c.id}`),
    );
    calls += removed.length;
    if (removed.length < batchSize) return { calls };
  }
}
