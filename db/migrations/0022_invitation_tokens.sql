-- Invitations are accepted by a link, not by signing up with the address (e-mails are not verified): each new
-- invitation has a random single-use token, stored only as its SHA-256, and an expiry. Open invitations from
-- before have neither, so no link accepts them; inviting the address again replaces them.
ALTER TABLE "workspace_invitations" ADD COLUMN "token_hash" text;--> statement-breakpoint
ALTER TABLE "workspace_invitations" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "workspace_invitations_token_hash_uq" ON "workspace_invitations" USING btree ("token_hash");
