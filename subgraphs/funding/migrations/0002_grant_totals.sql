CREATE TABLE "funding"."grant_total" (
	"recipient_type" text NOT NULL,
	"recipient_id" text NOT NULL,
	"recipient_region_code" text,
	"year" integer NOT NULL,
	"funder_category" text NOT NULL,
	"earmarked" boolean NOT NULL,
	"amount_cents" bigint NOT NULL,
	"grant_count" integer NOT NULL,
	CONSTRAINT "grant_total_key" UNIQUE NULLS NOT DISTINCT("recipient_type","recipient_id","year","recipient_region_code","funder_category","earmarked")
);
