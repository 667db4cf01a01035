ALTER TABLE "campaigns" ADD COLUMN "telephony_trouble_since" timestamp with time zone;
