// The call rollups' triggers only ever add rows (a statement's sums); this folds each key's rows back into one, so
// an analytics read stays a few hundred rows however many calls changed. Reads are exact before and after a fold.
import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '@/db';

// One folder at a time (across instances): a second one would only wait on the first's rows.
const foldLock = sql`hashtext('campaign_call_rollups_fold')`;

/**
 * Folds every key that has rows not folded yet: its rows are deleted and their sum written back as one folded row
 * (none when it sums to zero). A row a writer commits meanwhile is not deleted, so it is folded next time.
 */
export async function foldCallRollups(db: Db): Promise<{ folded: boolean }> {
  return db.transaction(async (tx) => {
    const [{ locked }] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${foldLock}) as locked`));
    if (!locked) return { folded: false };
    await tx.execute(sql`
      with keys as (select distinct campaign_id, status, outcome, score_bucket from campaign_call_counts where not folded),
      gone as (
        delete from campaign_call_counts c using keys k
        where c.campaign_id = k.campaign_id and c.status = k.status and c.outcome = k.outcome and c.score_bucket = k.score_bucket
        returning c.*
      )
      insert into campaign_call_counts (campaign_id, status, outcome, score_bucket, calls, connected, timed, duration_sum, cost_sum, folded)
      select campaign_id, status, outcome, score_bucket, sum(calls), sum(connected), sum(timed), sum(duration_sum), sum(cost_sum), true
      from gone group by 1, 2, 3, 4
      having sum(calls) <> 0 or sum(connected) <> 0 or sum(timed) <> 0 or sum(duration_sum) <> 0 or sum(cost_sum) <> 0`);
    await tx.execute(sql`
      with keys as (select distinct campaign_id, slot from campaign_call_slots where not folded),
      gone as (delete from campaign_call_slots c using keys k where c.campaign_id = k.campaign_id and c.slot = k.slot returning c.*)
      insert into campaign_call_slots (campaign_id, slot, calls, connects, folded)
      select campaign_id, slot, sum(calls), sum(connects), true from gone group by 1, 2 having sum(calls) <> 0 or sum(connects) <> 0`);
    await tx.execute(sql`
      with keys as (select distinct campaign_id from campaign_connected_leads where not folded),
      gone as (delete from campaign_connected_leads c using keys k where c.campaign_id = k.campaign_id returning c.*)
      insert into campaign_connected_leads (campaign_id, leads, folded)
      select campaign_id, sum(leads), true from gone group by 1 having sum(leads) <> 0`);
    // A lead whose connected calls all went (deleted, or a late voicemail verdict) keeps a row of 0 until now.
    await tx.execute(sql`delete from campaign_lead_connects where calls = 0`);
    return { folded: true };
  });
}
