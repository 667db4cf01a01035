-- The zones a lead may be in, as the claim resolved them, stored with the call: the settlement reads the callback
-- time and the retry's lawful moment in the same zones instead of resolving them again. Null on calls claimed
-- before this column existed; their settlement resolves the zones from the lead as it did before.
ALTER TABLE "campaign_calls" ADD COLUMN "lead_time_zones" text[];
