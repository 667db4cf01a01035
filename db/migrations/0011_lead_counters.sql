-- Per-campaign lead counters, kept in the same transaction as every lead change (docs/decisions/012-lead-counters.md).
-- One row per campaign: every writer of a campaign's leads locks that one row, after the campaign and lead rows it
-- already locks, so the counters add no new lock order. Statement-level triggers read the transition tables, so an
-- import of a million rows costs one aggregate, not a million upserts.
CREATE TABLE "campaign_lead_counts" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL,
	"calling" integer DEFAULT 0 NOT NULL,
	"retry_scheduled" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"exhausted" integer DEFAULT 0 NOT NULL,
	"do_not_call" integer DEFAULT 0 NOT NULL,
	"needs_consent" integer DEFAULT 0 NOT NULL,
	"called" integer DEFAULT 0 NOT NULL,
	"qualified" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_lead_counts" ADD CONSTRAINT "campaign_lead_counts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Adds one campaign's deltas. Insert upserts; update and delete only update: a campaign being deleted may have lost its
-- counter row already (cascade), and there is nothing left to count for it. Deltas that are all zero (an update that
-- changed no counted column, e.g. a deferral's next_retry_at) touch nothing, so they take no lock.
CREATE FUNCTION "campaign_lead_counts_add"(d_campaign_id uuid, d_total integer, d_pending integer, d_calling integer, d_retry_scheduled integer, d_completed integer, d_exhausted integer, d_do_not_call integer, d_needs_consent integer, d_called integer, d_qualified integer, upsert boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (d_total <> 0 OR d_pending <> 0 OR d_calling <> 0 OR d_retry_scheduled <> 0 OR d_completed <> 0 OR d_exhausted <> 0 OR d_do_not_call <> 0 OR d_needs_consent <> 0 OR d_called <> 0 OR d_qualified <> 0) THEN
    RETURN;
  END IF;
  IF upsert THEN
    INSERT INTO campaign_lead_counts AS c (campaign_id, total, pending, calling, retry_scheduled, completed, exhausted, do_not_call, needs_consent, called, qualified)
    VALUES (d_campaign_id, d_total, d_pending, d_calling, d_retry_scheduled, d_completed, d_exhausted, d_do_not_call, d_needs_consent, d_called, d_qualified)
    ON CONFLICT (campaign_id) DO UPDATE SET total = c.total + excluded.total, pending = c.pending + excluded.pending, calling = c.calling + excluded.calling, retry_scheduled = c.retry_scheduled + excluded.retry_scheduled, completed = c.completed + excluded.completed, exhausted = c.exhausted + excluded.exhausted, do_not_call = c.do_not_call + excluded.do_not_call, needs_consent = c.needs_consent + excluded.needs_consent, called = c.called + excluded.called, qualified = c.qualified + excluded.qualified;
  ELSE
    UPDATE campaign_lead_counts AS c SET total = c.total + d_total, pending = c.pending + d_pending, calling = c.calling + d_calling, retry_scheduled = c.retry_scheduled + d_retry_scheduled, completed = c.completed + d_completed, exhausted = c.exhausted + d_exhausted, do_not_call = c.do_not_call + d_do_not_call, needs_consent = c.needs_consent + d_needs_consent, called = c.called + d_called, qualified = c.qualified + d_qualified WHERE c.campaign_id = d_campaign_id;
  END IF;
END
$$;--> statement-breakpoint
-- The signed rows of one statement, summed per campaign in campaign order, so two statements touching several
-- campaigns lock their counter rows in the same order.
CREATE FUNCTION "leads_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM campaign_lead_counts_add(d.campaign_id, d.total, d.pending, d.calling, d.retry_scheduled, d.completed, d.exhausted, d.do_not_call, d.needs_consent, d.called, d.qualified, true) FROM (
    SELECT campaign_id,
      sum(sign)::int AS total,
      coalesce(sum(sign) FILTER (WHERE status = 'pending'), 0)::int AS pending,
      coalesce(sum(sign) FILTER (WHERE status = 'calling'), 0)::int AS calling,
      coalesce(sum(sign) FILTER (WHERE status = 'retry_scheduled'), 0)::int AS retry_scheduled,
      coalesce(sum(sign) FILTER (WHERE status = 'completed'), 0)::int AS completed,
      coalesce(sum(sign) FILTER (WHERE status = 'exhausted'), 0)::int AS exhausted,
      coalesce(sum(sign) FILTER (WHERE status = 'do_not_call'), 0)::int AS do_not_call,
      coalesce(sum(sign) FILTER (WHERE status = 'needs_consent'), 0)::int AS needs_consent,
      coalesce(sum(sign) FILTER (WHERE call_attempts > 0), 0)::int AS called,
      coalesce(sum(sign) FILTER (WHERE last_outcome = 'qualified'), 0)::int AS qualified
    FROM (SELECT campaign_id, status, call_attempts, last_outcome, 1 AS sign FROM new_leads) AS signed
    GROUP BY campaign_id
    ORDER BY campaign_id
  ) AS d;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "leads_count_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM campaign_lead_counts_add(d.campaign_id, d.total, d.pending, d.calling, d.retry_scheduled, d.completed, d.exhausted, d.do_not_call, d.needs_consent, d.called, d.qualified, true) FROM (
    SELECT campaign_id,
      sum(sign)::int AS total,
      coalesce(sum(sign) FILTER (WHERE status = 'pending'), 0)::int AS pending,
      coalesce(sum(sign) FILTER (WHERE status = 'calling'), 0)::int AS calling,
      coalesce(sum(sign) FILTER (WHERE status = 'retry_scheduled'), 0)::int AS retry_scheduled,
      coalesce(sum(sign) FILTER (WHERE status = 'completed'), 0)::int AS completed,
      coalesce(sum(sign) FILTER (WHERE status = 'exhausted'), 0)::int AS exhausted,
      coalesce(sum(sign) FILTER (WHERE status = 'do_not_call'), 0)::int AS do_not_call,
      coalesce(sum(sign) FILTER (WHERE status = 'needs_consent'), 0)::int AS needs_consent,
      coalesce(sum(sign) FILTER (WHERE call_attempts > 0), 0)::int AS called,
      coalesce(sum(sign) FILTER (WHERE last_outcome = 'qualified'), 0)::int AS qualified
    FROM (SELECT campaign_id, status, call_attempts, last_outcome, 1 AS sign FROM new_leads
    UNION ALL SELECT campaign_id, status, call_attempts, last_outcome, -1 AS sign FROM old_leads) AS signed
    GROUP BY campaign_id
    ORDER BY campaign_id
  ) AS d;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "leads_count_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM campaign_lead_counts_add(d.campaign_id, d.total, d.pending, d.calling, d.retry_scheduled, d.completed, d.exhausted, d.do_not_call, d.needs_consent, d.called, d.qualified, false) FROM (
    SELECT campaign_id,
      sum(sign)::int AS total,
      coalesce(sum(sign) FILTER (WHERE status = 'pending'), 0)::int AS pending,
      coalesce(sum(sign) FILTER (WHERE status = 'calling'), 0)::int AS calling,
      coalesce(sum(sign) FILTER (WHERE status = 'retry_scheduled'), 0)::int AS retry_scheduled,
      coalesce(sum(sign) FILTER (WHERE status = 'completed'), 0)::int AS completed,
      coalesce(sum(sign) FILTER (WHERE status = 'exhausted'), 0)::int AS exhausted,
      coalesce(sum(sign) FILTER (WHERE status = 'do_not_call'), 0)::int AS do_not_call,
      coalesce(sum(sign) FILTER (WHERE status = 'needs_consent'), 0)::int AS needs_consent,
      coalesce(sum(sign) FILTER (WHERE call_attempts > 0), 0)::int AS called,
      coalesce(sum(sign) FILTER (WHERE last_outcome = 'qualified'), 0)::int AS qualified
    FROM (SELECT campaign_id, status, call_attempts, last_outcome, -1 AS sign FROM old_leads) AS signed
    GROUP BY campaign_id
    ORDER BY campaign_id
  ) AS d;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "leads_count_insert" AFTER INSERT ON "leads" REFERENCING NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION "leads_count_insert"();--> statement-breakpoint
CREATE TRIGGER "leads_count_update" AFTER UPDATE ON "leads" REFERENCING OLD TABLE AS old_leads NEW TABLE AS new_leads FOR EACH STATEMENT EXECUTE FUNCTION "leads_count_update"();--> statement-breakpoint
CREATE TRIGGER "leads_count_delete" AFTER DELETE ON "leads" REFERENCING OLD TABLE AS old_leads FOR EACH STATEMENT EXECUTE FUNCTION "leads_count_delete"();--> statement-breakpoint
-- Existing campaigns: counted once from their rows (status as text: on a new database the migrations run in one
-- transaction, where 0001's new enum value cannot be used as an enum yet).
INSERT INTO campaign_lead_counts (campaign_id, total, pending, calling, retry_scheduled, completed, exhausted, do_not_call, needs_consent, called, qualified)
SELECT campaign_id,
      sum(sign)::int AS total,
      coalesce(sum(sign) FILTER (WHERE status::text = 'pending'), 0)::int AS pending,
      coalesce(sum(sign) FILTER (WHERE status::text = 'calling'), 0)::int AS calling,
      coalesce(sum(sign) FILTER (WHERE status::text = 'retry_scheduled'), 0)::int AS retry_scheduled,
      coalesce(sum(sign) FILTER (WHERE status::text = 'completed'), 0)::int AS completed,
      coalesce(sum(sign) FILTER (WHERE status::text = 'exhausted'), 0)::int AS exhausted,
      coalesce(sum(sign) FILTER (WHERE status::text = 'do_not_call'), 0)::int AS do_not_call,
      coalesce(sum(sign) FILTER (WHERE status::text = 'needs_consent'), 0)::int AS needs_consent,
      coalesce(sum(sign) FILTER (WHERE call_attempts > 0), 0)::int AS called,
      coalesce(sum(sign) FILTER (WHERE last_outcome = 'qualified'), 0)::int AS qualified
    FROM (SELECT campaign_id, status, call_attempts, last_outcome, 1 AS sign FROM leads) AS signed
    GROUP BY campaign_id
    ORDER BY campaign_id;--> statement-breakpoint
-- The stored copies the progress job wrote (a draft's card showed "Remaining 0"): the counters replace them.
ALTER TABLE "campaigns" DROP COLUMN "progress_percent";--> statement-breakpoint
ALTER TABLE "campaigns" DROP COLUMN "called_count";--> statement-breakpoint
ALTER TABLE "campaigns" DROP COLUMN "successful_count";--> statement-breakpoint
ALTER TABLE "campaigns" DROP COLUMN "remaining_count";--> statement-breakpoint
-- Keyset pages: leads and calls newest first, by (created_at, id), with and without a status filter.
DROP INDEX "leads_campaign_status_idx";--> statement-breakpoint
CREATE INDEX "leads_campaign_status_created_idx" ON "leads" USING btree ("campaign_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "leads_campaign_created_idx" ON "leads" USING btree ("campaign_id","created_at","id");--> statement-breakpoint
DROP INDEX "campaign_calls_campaign_status_idx";--> statement-breakpoint
CREATE INDEX "campaign_calls_campaign_status_created_idx" ON "campaign_calls" USING btree ("campaign_id","status","created_at","id");--> statement-breakpoint
DROP INDEX "campaign_calls_campaign_created_idx";--> statement-breakpoint
CREATE INDEX "campaign_calls_campaign_created_idx" ON "campaign_calls" USING btree ("campaign_id","created_at","id");
