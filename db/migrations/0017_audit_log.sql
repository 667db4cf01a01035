-- The audit log becomes a workspace's trail that outlives what it describes: workspace_id on every row
-- (backfilled from the workspace the row names, else its campaign's, else the actor's personal workspace),
-- campaign_id kept as a plain value (no foreign key, so deleting a campaign keeps its rows), and the
-- index the newest-first keyset read walks.
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_campaign_id_campaigns_id_fk";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "workspace_id" uuid;--> statement-breakpoint
UPDATE "audit_log" a SET "workspace_id" = w."id" FROM "workspaces" w WHERE a."details"->>'workspaceId' = w."id"::text;--> statement-breakpoint
UPDATE "audit_log" a SET "workspace_id" = c."workspace_id" FROM "campaigns" c WHERE a."workspace_id" IS NULL AND a."campaign_id" = c."id";--> statement-breakpoint
UPDATE "audit_log" a SET "workspace_id" = w."id" FROM "workspaces" w WHERE a."workspace_id" IS NULL AND w."personal_of" = a."actor_id";--> statement-breakpoint
DROP INDEX "audit_log_campaign_idx";--> statement-breakpoint
CREATE INDEX "audit_log_workspace_idx" ON "audit_log" USING btree ("workspace_id","created_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX "audit_log_campaign_idx" ON "audit_log" USING btree ("campaign_id","created_at" DESC,"id" DESC);
