CREATE SCHEMA "kvo";
--> statement-breakpoint
CREATE TABLE "kvo"."certification" (
	"id" text PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"site_id" text NOT NULL,
	"site_kind" text NOT NULL,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"certified_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"kind" text NOT NULL,
	"previous_id" text,
	"chain_started_on" date NOT NULL,
	"themes" text[] NOT NULL,
	"synthetic" boolean NOT NULL,
	CONSTRAINT "certification_validity" CHECK (valid_until = (certified_on + interval '3 years')::date),
	CONSTRAINT "certification_first_has_no_previous" CHECK (kind = 'RECERTIFICATION' or previous_id is null)
);
--> statement-breakpoint
CREATE INDEX "certification_listing_idx" ON "kvo"."certification" USING btree ("certified_on","id");--> statement-breakpoint
CREATE INDEX "certification_site_idx" ON "kvo"."certification" USING btree ("site_id","certified_on","id");--> statement-breakpoint
CREATE INDEX "certification_region_idx" ON "kvo"."certification" USING btree ("region_code","certified_on");--> statement-breakpoint
CREATE INDEX "certification_municipality_idx" ON "kvo"."certification" USING btree ("municipality_code","certified_on");--> statement-breakpoint
CREATE INDEX "certification_valid_until_idx" ON "kvo"."certification" USING btree ("valid_until","id");--> statement-breakpoint
CREATE INDEX "certification_previous_idx" ON "kvo"."certification" USING btree ("previous_id");