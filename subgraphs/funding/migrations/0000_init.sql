CREATE SCHEMA "funding";
--> statement-breakpoint
CREATE TABLE "funding"."grant" (
	"id" text PRIMARY KEY NOT NULL,
	"funder_type" text NOT NULL,
	"funder_id" text NOT NULL,
	"funder_category" text NOT NULL,
	"recipient_type" text NOT NULL,
	"recipient_id" text NOT NULL,
	"recipient_region_code" text,
	"via_id" text,
	"amount_cents" bigint NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"themes" text[] NOT NULL,
	"earmarked" boolean NOT NULL,
	"description" text NOT NULL,
	"synthetic" boolean NOT NULL,
	"source" text
);
--> statement-breakpoint
CREATE INDEX "grant_funder_idx" ON "funding"."grant" USING btree ("funder_type","funder_id","id");--> statement-breakpoint
CREATE INDEX "grant_recipient_idx" ON "funding"."grant" USING btree ("recipient_type","recipient_id","id");--> statement-breakpoint
CREATE INDEX "grant_recipient_region_idx" ON "funding"."grant" USING btree ("recipient_region_code","id");--> statement-breakpoint
CREATE INDEX "grant_year_idx" ON "funding"."grant" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "grant_kind_idx" ON "funding"."grant" USING btree ("kind","id");--> statement-breakpoint
CREATE INDEX "grant_themes_idx" ON "funding"."grant" USING gin ("themes");