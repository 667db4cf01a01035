-- Personal data at rest is encrypted by the app (AES-256-GCM, shared/data-encryption.ts) and stored as a
-- text envelope `v1:<keyId>:<iv>:<tag>:<ciphertext>`. The columns become text; values written before this
-- migration stay readable as plaintext JSON until the start-up backfill (lib/services/retention) seals them.
ALTER TABLE "campaign_calls" ALTER COLUMN "transcript" SET DATA TYPE text USING (
  CASE WHEN "transcript" IS NULL OR jsonb_typeof("transcript") <> 'array' OR jsonb_array_length("transcript") = 0 THEN NULL ELSE "transcript"::text END
);--> statement-breakpoint
ALTER TABLE "campaign_calls" ALTER COLUMN "report" SET DATA TYPE text USING "report"::text;--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "context" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "context" SET DATA TYPE text USING "context"::text;--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "context" SET DEFAULT '{}';--> statement-breakpoint
-- The call row holds the report's transcript and summary and the recording's URL (sealed): events keep only
-- what ordering and deduplication need.
UPDATE "call_events" SET "payload" = "payload" - 'transcript' - 'summary' WHERE "type" = 'report' AND "payload" IS NOT NULL;--> statement-breakpoint
UPDATE "call_events" SET "payload" = "payload" - 'url' WHERE "type" = 'recording' AND "payload" IS NOT NULL;--> statement-breakpoint
-- When a call's transcript and recording were deleted by the campaign's retention setting, or erased with its lead.
ALTER TABLE "campaign_calls" ADD COLUMN "personal_data_removed_at" timestamp with time zone;--> statement-breakpoint
-- Retention looks for calls that ended before a cutoff and still hold a transcript or recording.
CREATE INDEX "campaign_calls_campaign_ended_idx" ON "campaign_calls" USING btree ("campaign_id","ended_at") WHERE "personal_data_removed_at" IS NULL;
--> statement-breakpoint
-- Evidence stays written once, with one exception: erasing a lead's personal data replaces the number in its
-- calls' evidence with the erased marker (lib/services/leads/erase-lead-personal-data.ts); nothing else may change.
CREATE OR REPLACE FUNCTION "campaign_calls_compliance_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.compliance IS NOT NULL AND NEW.compliance IS DISTINCT FROM OLD.compliance
     AND NOT coalesce(NEW.compliance->>'phone' LIKE 'erased:%' AND NEW.compliance = OLD.compliance || jsonb_build_object('phone', NEW.compliance->>'phone'), false) THEN
    RAISE EXCEPTION 'campaign_calls.compliance is written once, at the claim, and never changed' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
