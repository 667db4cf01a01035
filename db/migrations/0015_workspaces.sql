-- Workspaces own what users owned: one personal workspace per existing user (its owner), their campaigns,
-- DNC numbers, notifications and blackouts moved into it, then workspace_id NOT NULL with its indexes.
CREATE TYPE "public"."workspace_role" AS ENUM('viewer', 'manager', 'owner');--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"personal_of" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workspace_members" (
	"workspace_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"role" "workspace_role" NOT NULL,
	"activated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_members_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "workspace_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"role" "workspace_role" NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_personal_of_user_id_fk" FOREIGN KEY ("personal_of") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_members" ADD CONSTRAINT "workspace_members_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD CONSTRAINT "workspace_invitations_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workspaces_personal_of_uq" ON "workspaces" USING btree ("personal_of");--> statement-breakpoint
CREATE INDEX "workspace_members_user_idx" ON "workspace_members" USING btree ("user_id","activated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_invitations_open_uq" ON "workspace_invitations" USING btree ("workspace_id","email") WHERE accepted_at is null;--> statement-breakpoint
CREATE INDEX "workspace_invitations_email_idx" ON "workspace_invitations" USING btree ("email");--> statement-breakpoint
-- Existing users: a personal workspace each, owned by them and active.
INSERT INTO "workspaces" ("name", "personal_of", "created_at") SELECT "name" || '''s workspace', "id", "created_at" FROM "user";--> statement-breakpoint
INSERT INTO "workspace_members" ("workspace_id", "user_id", "role", "activated_at", "created_at") SELECT "id", "personal_of", 'owner', now(), "created_at" FROM "workspaces" WHERE "personal_of" IS NOT NULL;--> statement-breakpoint
-- campaigns: workspace_id from the owner; owner_id stays as created_by (who made it), kept when that user is gone.
ALTER TABLE "campaigns" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
UPDATE "campaigns" c SET "workspace_id" = w."id" FROM "workspaces" w WHERE w."personal_of" = c."owner_id";--> statement-breakpoint
ALTER TABLE "campaigns" ALTER COLUMN "workspace_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_owner_id_user_id_fk";--> statement-breakpoint
DROP INDEX "campaigns_owner_status_idx";--> statement-breakpoint
ALTER TABLE "campaigns" RENAME COLUMN "owner_id" TO "created_by";--> statement-breakpoint
ALTER TABLE "campaigns" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaigns_workspace_status_idx" ON "campaigns" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
-- dnc_numbers: keyed by (workspace, phone).
ALTER TABLE "dnc_numbers" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
UPDATE "dnc_numbers" d SET "workspace_id" = w."id" FROM "workspaces" w WHERE w."personal_of" = d."owner_id";--> statement-breakpoint
ALTER TABLE "dnc_numbers" ALTER COLUMN "workspace_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "dnc_numbers" DROP CONSTRAINT "dnc_numbers_owner_id_phone_pk";--> statement-breakpoint
ALTER TABLE "dnc_numbers" DROP CONSTRAINT "dnc_numbers_owner_id_user_id_fk";--> statement-breakpoint
ALTER TABLE "dnc_numbers" DROP COLUMN "owner_id";--> statement-breakpoint
ALTER TABLE "dnc_numbers" ADD CONSTRAINT "dnc_numbers_workspace_id_phone_pk" PRIMARY KEY("workspace_id","phone");--> statement-breakpoint
ALTER TABLE "dnc_numbers" ADD CONSTRAINT "dnc_numbers_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- notifications
ALTER TABLE "notifications" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
UPDATE "notifications" n SET "workspace_id" = w."id" FROM "workspaces" w WHERE w."personal_of" = n."owner_id";--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "workspace_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "notifications_owner_idx";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_owner_id_user_id_fk";--> statement-breakpoint
ALTER TABLE "notifications" DROP COLUMN "owner_id";--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_workspace_idx" ON "notifications" USING btree ("workspace_id","created_at");--> statement-breakpoint
-- compliance_blackouts
ALTER TABLE "compliance_blackouts" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
UPDATE "compliance_blackouts" b SET "workspace_id" = w."id" FROM "workspaces" w WHERE w."personal_of" = b."owner_id";--> statement-breakpoint
ALTER TABLE "compliance_blackouts" ALTER COLUMN "workspace_id" SET NOT NULL;--> statement-breakpoint
DROP INDEX "compliance_blackouts_owner_idx";--> statement-breakpoint
ALTER TABLE "compliance_blackouts" DROP CONSTRAINT "compliance_blackouts_owner_id_user_id_fk";--> statement-breakpoint
ALTER TABLE "compliance_blackouts" DROP COLUMN "owner_id";--> statement-breakpoint
ALTER TABLE "compliance_blackouts" ADD CONSTRAINT "compliance_blackouts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_blackouts_workspace_idx" ON "compliance_blackouts" USING btree ("workspace_id","ends_at");
--> statement-breakpoint
-- webhook_endpoints and webhook_events (migration 0012): the workspace's, like its campaigns.
ALTER TABLE "webhook_endpoints" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
UPDATE "webhook_endpoints" e SET "workspace_id" = w."id" FROM "workspaces" w WHERE w."personal_of" = e."owner_id";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ALTER COLUMN "workspace_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "owner_id";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_endpoints_workspace_idx" ON "webhook_endpoints" USING btree ("workspace_id","created_at");--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
UPDATE "webhook_events" e SET "workspace_id" = w."id" FROM "workspaces" w WHERE w."personal_of" = e."owner_id";--> statement-breakpoint
ALTER TABLE "webhook_events" ALTER COLUMN "workspace_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" DROP COLUMN "owner_id";--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_events_workspace_idx" ON "webhook_events" USING btree ("workspace_id","created_at");
