CREATE TABLE "kvo"."issue_count" (
	"place" text NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"scheme" text NOT NULL,
	"certifications" integer NOT NULL,
	"first_certifications" integer NOT NULL,
	"recertifications" integer NOT NULL,
	CONSTRAINT "issue_count_place_year_quarter_scheme_pk" PRIMARY KEY("place","year","quarter","scheme")
);
--> statement-breakpoint
CREATE TABLE "kvo"."lapse" (
	"id" text PRIMARY KEY NOT NULL,
	"scheme" text NOT NULL,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"ended_on" date NOT NULL,
	"renewed_on" date
);
--> statement-breakpoint
CREATE TABLE "kvo"."site_span" (
	"place" text NOT NULL,
	"site_id" text NOT NULL,
	"business_park" boolean NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kvo"."stock_change" (
	"place" text NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"certificates" integer NOT NULL,
	"sites" integer NOT NULL,
	"business_parks" integer NOT NULL,
	CONSTRAINT "stock_change_place_grain_bucket_pk" PRIMARY KEY("place","grain","bucket")
);
--> statement-breakpoint
CREATE INDEX "lapse_ended_idx" ON "kvo"."lapse" USING btree ("ended_on");--> statement-breakpoint
CREATE INDEX "site_span_site_idx" ON "kvo"."site_span" USING btree ("site_id");--> statement-breakpoint
CREATE INDEX "certification_last_valid_day_idx" ON "kvo"."certification" USING btree (least(valid_until, withdrawn_on - 1),"certified_on","region_code","municipality_code");