CREATE SCHEMA "riec";
--> statement-breakpoint
CREATE TABLE "riec"."picture" (
	"id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"producer_id" text NOT NULL,
	"year" integer NOT NULL,
	"half" integer NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"theme" text NOT NULL,
	"police_signals" integer NOT NULL,
	"municipality_signals" integer NOT NULL,
	"prosecution_signals" integer NOT NULL,
	"business_signals" integer NOT NULL,
	"signal_count" integer NOT NULL,
	"classification" text NOT NULL,
	"summary" text NOT NULL,
	"synthetic" boolean NOT NULL
);
--> statement-breakpoint
CREATE INDEX "picture_region_idx" ON "riec"."picture" USING btree ("region_code","year","id");--> statement-breakpoint
CREATE INDEX "picture_year_idx" ON "riec"."picture" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "picture_theme_idx" ON "riec"."picture" USING btree ("theme","id");