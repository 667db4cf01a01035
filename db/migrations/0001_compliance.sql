ALTER TYPE "public"."lead_status" ADD VALUE 'needs_consent';--> statement-breakpoint
CREATE TABLE "compliance_blackouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"region" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "state" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "consent_source" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "consent_text" text;--> statement-breakpoint
ALTER TABLE "campaign_calls" ADD COLUMN "compliance" jsonb;--> statement-breakpoint
ALTER TABLE "compliance_blackouts" ADD CONSTRAINT "compliance_blackouts_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_blackouts_owner_idx" ON "compliance_blackouts" USING btree ("owner_id","ends_at");--> statement-breakpoint
CREATE INDEX "campaign_calls_phone_claimed_idx" ON "campaign_calls" USING btree ("phone","claimed_at");--> statement-breakpoint
-- Compliance evidence is written once, in the claim transaction, and never changed after.
CREATE FUNCTION "campaign_calls_compliance_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.compliance IS NOT NULL AND NEW.compliance IS DISTINCT FROM OLD.compliance THEN
    RAISE EXCEPTION 'campaign_calls.compliance is written once, at the claim, and never changed' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "campaign_calls_compliance_immutable" BEFORE UPDATE OF "compliance" ON "campaign_calls" FOR EACH ROW EXECUTE FUNCTION "campaign_calls_compliance_immutable"();
