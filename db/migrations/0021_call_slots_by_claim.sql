-- The call slots are keyed by when the call was claimed, not when it was dialled (0018 used coalesce(dialed_at,
-- claimed_at)). Claim time is what the daily cap counts (countCallsToday), so /progress can read "calls today" from
-- the slots (up to 96 rows a day) instead of counting a busy campaign's calls of the day one by one; and a claim
-- time never changes, so the dial's update no longer moves a call between slots (it writes no slot delta at all).
-- The functions are 0018's with that one expression changed; the slots are rebuilt from the calls.
CREATE OR REPLACE FUNCTION "campaign_calls_rollup_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH signed AS (
    SELECT campaign_id, lead_id, status::text AS status, coalesce(outcome, '') AS outcome,
        CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END AS score_bucket,
        date_bin('15 minutes', claimed_at, timestamptz '2000-01-01 00:00:00+00') AS slot,
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
CREATE OR REPLACE FUNCTION "campaign_calls_rollup_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH signed AS (
    SELECT campaign_id, lead_id, status::text AS status, coalesce(outcome, '') AS outcome,
        CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END AS score_bucket,
        date_bin('15 minutes', claimed_at, timestamptz '2000-01-01 00:00:00+00') AS slot,
        (answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail')::int AS connected,
        (answered_at IS NOT NULL AND duration_seconds IS NOT NULL)::int AS timed,
        CASE WHEN answered_at IS NOT NULL THEN coalesce(duration_seconds, 0) ELSE 0 END::bigint AS duration,
        coalesce(cost, 0)::numeric AS cost, 1 AS sign FROM new_calls
    UNION ALL SELECT campaign_id, lead_id, status::text AS status, coalesce(outcome, '') AS outcome,
        CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END AS score_bucket,
        date_bin('15 minutes', claimed_at, timestamptz '2000-01-01 00:00:00+00') AS slot,
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
CREATE OR REPLACE FUNCTION "campaign_calls_rollup_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH signed AS (
    SELECT * FROM (SELECT campaign_id, lead_id, status::text AS status, coalesce(outcome, '') AS outcome,
        CASE WHEN score IS NULL THEN -1 ELSE least(floor(score / 10), 9)::int END AS score_bucket,
        date_bin('15 minutes', claimed_at, timestamptz '2000-01-01 00:00:00+00') AS slot,
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
$$;
--> statement-breakpoint
DELETE FROM campaign_call_slots;--> statement-breakpoint
INSERT INTO campaign_call_slots (campaign_id, slot, calls, connects, folded)
SELECT campaign_id, date_bin('15 minutes', claimed_at, timestamptz '2000-01-01 00:00:00+00'), count(*),
  count(*) FILTER (WHERE answered_at IS NOT NULL AND coalesce(outcome, '') <> 'voicemail'), true
FROM campaign_calls GROUP BY 1, 2;
