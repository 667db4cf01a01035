-- The queue's partial indexes end with id, as the claim's tiers order (key, then id). Without it the planner could
-- give the order by walking leads_campaign_created_idx over the whole campaign and filtering out each lead called
-- before: with statistics from when every lead was pending (as after an import), a claim read every lead the campaign
-- had called so far, a cost growing with its progress (test/engine/claim-queue-walk.int.test.ts).
DROP INDEX IF EXISTS "leads_queue_new_idx";--> statement-breakpoint
CREATE INDEX "leads_queue_new_idx" ON "leads" USING btree ("campaign_id","created_at","id") WHERE status = 'pending';--> statement-breakpoint
DROP INDEX IF EXISTS "leads_queue_retry_idx";--> statement-breakpoint
CREATE INDEX "leads_queue_retry_idx" ON "leads" USING btree ("campaign_id","next_retry_at","id") WHERE status = 'retry_scheduled';--> statement-breakpoint
DROP INDEX IF EXISTS "leads_queue_no_answer_idx";--> statement-breakpoint
CREATE INDEX "leads_queue_no_answer_idx" ON "leads" USING btree ("campaign_id","last_called_at","id") WHERE status = 'retry_scheduled';
