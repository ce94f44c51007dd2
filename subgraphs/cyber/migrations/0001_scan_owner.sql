-- Scans seeded before this migration get the owner the seed gives each instrument (seed/constants.ts OWNERS).
ALTER TABLE "cyber"."scan" ADD COLUMN "owner_organisation" text;--> statement-breakpoint
UPDATE "cyber"."scan" SET "owner_organisation" = CASE "instrument" WHEN 'DTC_BASISSCAN' THEN 'dtc' WHEN 'KVO_CYBER' THEN 'ccv' WHEN 'MUNICIPAL_MEASUREMENT' THEN 'haagse-hogeschool' ELSE 'smart-service-campus' END;--> statement-breakpoint
ALTER TABLE "cyber"."scan" ALTER COLUMN "owner_organisation" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "scan_owner_idx" ON "cyber"."scan" USING btree ("owner_organisation","scanned_on","id");
