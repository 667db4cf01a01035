-- The list's hashed entries (an erased lead's opt-out, kept only as keyed hashes of the number) in an index of their
-- own. A bulk import asks once per statement whether the workspace has any before it probes each row's hashes, so a
-- large list of plain numbers costs one probe a row, not one a row per hash (lib/services/dnc/lead-on-dnc.ts).
CREATE INDEX IF NOT EXISTS "dnc_numbers_hashed_idx" ON "dnc_numbers" USING btree ("workspace_id") WHERE phone like 'h1:%';
