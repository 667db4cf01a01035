-- Per-campaign call rollups for the analytics (docs/decisions/019-reads2-call-rollups.md), kept in the same transaction as
-- every call change by statement-level triggers reading the transition tables, as 0011 keeps the lead counters.
-- Unlike the lead counters, a writer only ever INSERTS its statement's sums as new rows (a delta): the calls of one
-- campaign are written by the claim, the webhooks, the settlement and recovery at once, in lock orders of their own,
-- and a shared counter row taken in the middle of those would add a lock every one of them waits on (and cycles:
-- the settlement writes the call before the campaign row the claim holds). A read sums a campaign's rows; a job
-- folds them back to one row per key (foldCallRollups), so a read stays a few hundred rows whatever the campaign's size.
-- What each table is keyed by is what the analytics show: status, outcome and score decile (with connects, durations
-- and cost); calls per 15-minute slot in UTC, which every zone's hour of day (whole, half or quarter-hour offsets)
-- is read from at read time, so a change of the campaign's zone needs no rebuild; and connected leads (a lead with
-- at least one connected call), which needs each lead's connected-call count.
CREATE TABLE "campaign_call_counts" (
	"campaign_id" uuid NOT NULL,
	"status" text NOT NULL,
	"outcome" text NOT NULL,
	"score_bucket" smallint NOT NULL,
	"calls" bigint NOT NULL,
	"connected" bigint NOT NULL,
	"timed" bigint NOT NULL,
	"duration_sum" bigint NOT NULL,
	"cost_sum" numeric NOT NULL,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_call_slots" (
	"campaign_id" uuid NOT NULL,
	"slot" timestamp with time zone NOT NULL,
	"calls" bigint NOT NULL,
	"connects" bigint NOT NULL,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_connected_leads" (
	"campaign_id" uuid NOT NULL,
	"leads" bigint NOT NULL,
	"folded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
-- Written in place (one row per lead): only the writers of that lead's calls take its row.
CREATE TABLE "campaign_lead_connects" (
	"lead_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"calls" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_call_counts" ADD CONSTRAINT "campaign_call_counts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_call_slots" ADD CONSTRAINT "campaign_call_slots_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_connected_leads" ADD CONSTRAINT "campaign_connected_leads_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_lead_connects" ADD CONSTRAINT "campaign_lead_connects_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A read walks one campaign's rows by the key's first columns; the fold finds the rows not folded yet.
CREATE INDEX "campaign_call_counts_key_idx" ON "campaign_call_counts" USING btree ("campaign_id","status","outcome","score_bucket");--> statement-breakpoint
CREATE INDEX "campaign_call_counts_unfolded_idx" ON "campaign_call_counts" USING btree ("campaign_id") WHERE NOT folded;--> statement-breakpoint
CREATE INDEX "campaign_call_slots_key_idx" ON "campaign_call_slots" USING btree ("campaign_id","slot");--> statement-breakpoint
CREATE INDEX "campaign_call_slots_unfolded_idx" ON "campaign_call_slots" USING btree ("campaign_id") WHERE NOT folded;--> statement-breakpoint
CREATE INDEX "campaign_connected_leads_key_idx" ON "campaign_connected_leads" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_connected_leads_unfolded_idx" ON "campaign_connected_leads" USING btree ("campaign_id") WHERE NOT folded;--> statement-breakpoint
CREATE INDEX "campaign_lead_connects_campaign_idx" ON "campaign_lead_connects" USING btree ("campaign_id");--> statement-breakpoint
-- A call's contribution: its keys and the figures summed under them, signed +1 (new rows) or -1 (old rows). An update
-- that changes nothing counted sums to zero under every key and writes nothing. A lead's connected-call count is
-- upserted (in lead order, so two statements take lead rows in the same order); the campaign's connected leads move
-- by the leads whose count crossed zero.
CREATE FUNCTION "campaign_calls_rollup_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH signed AS (
    SELECT campaign_id, lead_id, status::text AS status, coalesce(outcome, '') AS outcome,
        CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END AS score_bucket,
        date_bin('15 minutes', coalesce(dialed_at, claimed_at), timestamptz '2000-01-01 00:00:00+00') AS slot,
        (answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail')::int AS connected,
        (answered_at IS NOT NULL AND duration_seconds IS NOT NULL)::int AS timed,
        CASE WHEN answered_at IS NOT NULL THEN coalesce(duration_seconds, 0) ELSE 0 END::bigint AS duration,
        coalesce(cost, 0)::numeric AS cost, 1 AS sign FROM new_calls
  ), counted AS (
    INSERT INTO campaign_call_counts (campaign_id, status, outcome, score_bucket, calls, connected, timed, duration_sum, cost_sum)
    SELECT campaign_id, status, outcome, score_bucket, sum(sign), sum(sign * connected), sum(sign * timed), sum(sign * duration), sum(sign * cost)
    FROM signed GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0 OR sum(sign * connected) <> 0 OR sum(sign * timed) <> 0 OR sum(sign * duration) <> 0 OR sum(sign * cost) <> 0
  ), slotted AS (
    INSERT INTO campaign_call_slots (campaign_id, slot, calls, connects)
    SELECT campaign_id, slot, sum(sign), sum(sign * connected) FROM signed GROUP BY 1, 2
    HAVING sum(sign) <> 0 OR sum(sign * connected) <> 0
  ), d AS (
    SELECT campaign_id, lead_id, sum(sign * connected)::int AS n FROM signed GROUP BY 1, 2 HAVING sum(sign * connected) <> 0 ORDER BY lead_id
  ), moved AS (
    INSERT INTO campaign_lead_connects AS k (lead_id, campaign_id, calls) SELECT lead_id, campaign_id, n FROM d
    ON CONFLICT (lead_id) DO UPDATE SET calls = k.calls + excluded.calls RETURNING k.lead_id, k.campaign_id, k.calls AS after
  ), crossed AS (
    SELECT m.campaign_id, (m.after > 0)::int - (m.after - d.n > 0)::int AS leads FROM moved m JOIN d ON d.lead_id = m.lead_id
  )
  INSERT INTO campaign_connected_leads (campaign_id, leads)
  SELECT campaign_id, sum(leads) FROM crossed GROUP BY 1 HAVING sum(leads) <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "campaign_calls_rollup_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH signed AS (
    SELECT campaign_id, lead_id, status::text AS status, coalesce(outcome, '') AS outcome,
        CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END AS score_bucket,
        date_bin('15 minutes', coalesce(dialed_at, claimed_at), timestamptz '2000-01-01 00:00:00+00') AS slot,
        (answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail')::int AS connected,
        (answered_at IS NOT NULL AND duration_seconds IS NOT NULL)::int AS timed,
        CASE WHEN answered_at IS NOT NULL THEN coalesce(duration_seconds, 0) ELSE 0 END::bigint AS duration,
        coalesce(cost, 0)::numeric AS cost, 1 AS sign FROM new_calls
    UNION ALL SELECT campaign_id, lead_id, status::text AS status, coalesce(outcome, '') AS outcome,
        CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END AS score_bucket,
        date_bin('15 minutes', coalesce(dialed_at, claimed_at), timestamptz '2000-01-01 00:00:00+00') AS slot,
        (answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail')::int AS connected,
        (answered_at IS NOT NULL AND duration_seconds IS NOT NULL)::int AS timed,
        CASE WHEN answered_at IS NOT NULL THEN coalesce(duration_seconds, 0) ELSE 0 END::bigint AS duration,
        coalesce(cost, 0)::numeric AS cost, -1 AS sign FROM old_calls
  ), counted AS (
    INSERT INTO campaign_call_counts (campaign_id, status, outcome, score_bucket, calls, connected, timed, duration_sum, cost_sum)
    SELECT campaign_id, status, outcome, score_bucket, sum(sign), sum(sign * connected), sum(sign * timed), sum(sign * duration), sum(sign * cost)
    FROM signed GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0 OR sum(sign * connected) <> 0 OR sum(sign * timed) <> 0 OR sum(sign * duration) <> 0 OR sum(sign * cost) <> 0
  ), slotted AS (
    INSERT INTO campaign_call_slots (campaign_id, slot, calls, connects)
    SELECT campaign_id, slot, sum(sign), sum(sign * connected) FROM signed GROUP BY 1, 2
    HAVING sum(sign) <> 0 OR sum(sign * connected) <> 0
  ), d AS (
    SELECT campaign_id, lead_id, sum(sign * connected)::int AS n FROM signed GROUP BY 1, 2 HAVING sum(sign * connected) <> 0 ORDER BY lead_id
  ), moved AS (
    INSERT INTO campaign_lead_connects AS k (lead_id, campaign_id, calls) SELECT lead_id, campaign_id, n FROM d
    ON CONFLICT (lead_id) DO UPDATE SET calls = k.calls + excluded.calls RETURNING k.lead_id, k.campaign_id, k.calls AS after
  ), crossed AS (
    SELECT m.campaign_id, (m.after > 0)::int - (m.after - d.n > 0)::int AS leads FROM moved m JOIN d ON d.lead_id = m.lead_id
  )
  INSERT INTO campaign_connected_leads (campaign_id, leads)
  SELECT campaign_id, sum(leads) FROM crossed GROUP BY 1 HAVING sum(leads) <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION "campaign_calls_rollup_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH signed AS (
    SELECT * FROM (SELECT campaign_id, lead_id, status::text AS status, coalesce(outcome, '') AS outcome,
        CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END AS score_bucket,
        date_bin('15 minutes', coalesce(dialed_at, claimed_at), timestamptz '2000-01-01 00:00:00+00') AS slot,
        (answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail')::int AS connected,
        (answered_at IS NOT NULL AND duration_seconds IS NOT NULL)::int AS timed,
        CASE WHEN answered_at IS NOT NULL THEN coalesce(duration_seconds, 0) ELSE 0 END::bigint AS duration,
        coalesce(cost, 0)::numeric AS cost, -1 AS sign FROM old_calls) AS o
    -- A campaign being deleted takes its rollups with it (cascade): nothing is left to count for it.
    WHERE campaign_id IN (SELECT id FROM campaigns)
  ), counted AS (
    INSERT INTO campaign_call_counts (campaign_id, status, outcome, score_bucket, calls, connected, timed, duration_sum, cost_sum)
    SELECT campaign_id, status, outcome, score_bucket, sum(sign), sum(sign * connected), sum(sign * timed), sum(sign * duration), sum(sign * cost)
    FROM signed GROUP BY 1, 2, 3, 4
    HAVING sum(sign) <> 0 OR sum(sign * connected) <> 0 OR sum(sign * timed) <> 0 OR sum(sign * duration) <> 0 OR sum(sign * cost) <> 0
  ), slotted AS (
    INSERT INTO campaign_call_slots (campaign_id, slot, calls, connects)
    SELECT campaign_id, slot, sum(sign), sum(sign * connected) FROM signed GROUP BY 1, 2
    HAVING sum(sign) <> 0 OR sum(sign * connected) <> 0
  ), d AS (
    SELECT campaign_id, lead_id, sum(sign * connected)::int AS n FROM signed GROUP BY 1, 2 HAVING sum(sign * connected) <> 0 ORDER BY lead_id
  ), moved AS (
    UPDATE campaign_lead_connects AS k SET calls = k.calls + d.n FROM d WHERE k.lead_id = d.lead_id RETURNING k.lead_id, k.campaign_id, k.calls AS after
  ), crossed AS (
    SELECT m.campaign_id, (m.after > 0)::int - (m.after - d.n > 0)::int AS leads FROM moved m JOIN d ON d.lead_id = m.lead_id
  )
  INSERT INTO campaign_connected_leads (campaign_id, leads)
  SELECT campaign_id, sum(leads) FROM crossed GROUP BY 1 HAVING sum(leads) <> 0;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "campaign_calls_rollup_insert" AFTER INSERT ON "campaign_calls" REFERENCING NEW TABLE AS new_calls FOR EACH STATEMENT EXECUTE FUNCTION "campaign_calls_rollup_insert"();--> statement-breakpoint
CREATE TRIGGER "campaign_calls_rollup_update" AFTER UPDATE ON "campaign_calls" REFERENCING OLD TABLE AS old_calls NEW TABLE AS new_calls FOR EACH STATEMENT EXECUTE FUNCTION "campaign_calls_rollup_update"();--> statement-breakpoint
CREATE TRIGGER "campaign_calls_rollup_delete" AFTER DELETE ON "campaign_calls" REFERENCING OLD TABLE AS old_calls FOR EACH STATEMENT EXECUTE FUNCTION "campaign_calls_rollup_delete"();--> statement-breakpoint
-- Existing calls, counted once (after the triggers: the migration holds campaign_calls against writers until it commits).
INSERT INTO campaign_call_counts (campaign_id, status, outcome, score_bucket, calls, connected, timed, duration_sum, cost_sum, folded)
SELECT campaign_id, status::text, coalesce(outcome, ''), CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END, count(*),
  count(*) FILTER (WHERE answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail'),
  count(*) FILTER (WHERE answered_at IS NOT NULL AND duration_seconds IS NOT NULL),
  coalesce(sum(duration_seconds) FILTER (WHERE answered_at IS NOT NULL), 0), coalesce(sum(cost), 0), true
FROM campaign_calls GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO campaign_call_slots (campaign_id, slot, calls, connects, folded)
SELECT campaign_id, date_bin('15 minutes', coalesce(dialed_at, claimed_at), timestamptz '2000-01-01 00:00:00+00'), count(*),
  count(*) FILTER (WHERE answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail'), true
FROM campaign_calls GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO campaign_lead_connects (lead_id, campaign_id, calls)
SELECT lead_id, min(campaign_id::text)::uuid, count(*) FROM campaign_calls
WHERE answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail' GROUP BY 1;--> statement-breakpoint
INSERT INTO campaign_connected_leads (campaign_id, leads, folded)
SELECT campaign_id, count(*), true FROM campaign_lead_connects GROUP BY 1;
