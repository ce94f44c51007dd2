CREATE SCHEMA "cyber";
--> statement-breakpoint
CREATE TABLE "cyber"."scan" (
	"id" text PRIMARY KEY NOT NULL,
	"instrument" text NOT NULL,
	"scanned_on" date NOT NULL,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"sector" text NOT NULL,
	"size_class" text NOT NULL,
	"company_ref" text NOT NULL,
	"submitted_by" text,
	"governance" smallint NOT NULL,
	"awareness" smallint NOT NULL,
	"access_control" smallint NOT NULL,
	"software_updates" smallint NOT NULL,
	"backups" smallint NOT NULL,
	"incident_response" smallint NOT NULL,
	"synthetic" boolean NOT NULL,
	CONSTRAINT "scan_scores_range" CHECK (least(governance, awareness, access_control, software_updates, backups, incident_response) >= 0 and greatest(governance, awareness, access_control, software_updates, backups, incident_response) <= 100)
);
--> statement-breakpoint
CREATE INDEX "scan_listing_idx" ON "cyber"."scan" USING btree ("scanned_on","id");--> statement-breakpoint
CREATE INDEX "scan_region_idx" ON "cyber"."scan" USING btree ("region_code","scanned_on");--> statement-breakpoint
CREATE INDEX "scan_municipality_idx" ON "cyber"."scan" USING btree ("municipality_code","scanned_on");--> statement-breakpoint
CREATE INDEX "scan_instrument_idx" ON "cyber"."scan" USING btree ("instrument","scanned_on");--> statement-breakpoint
CREATE INDEX "scan_sector_idx" ON "cyber"."scan" USING btree ("sector","scanned_on");--> statement-breakpoint
CREATE INDEX "scan_size_class_idx" ON "cyber"."scan" USING btree ("size_class","scanned_on");--> statement-breakpoint
CREATE INDEX "scan_company_idx" ON "cyber"."scan" USING btree ("company_ref");