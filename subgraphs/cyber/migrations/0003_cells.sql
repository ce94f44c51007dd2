CREATE TABLE "cyber"."cell" (
	"place" text NOT NULL,
	"year" smallint,
	"instrument" text,
	"sector" text,
	"scan_count" integer NOT NULL,
	"company_count" integer NOT NULL,
	"governance_sum" bigint NOT NULL,
	"awareness_sum" bigint NOT NULL,
	"access_control_sum" bigint NOT NULL,
	"software_updates_sum" bigint NOT NULL,
	"backups_sum" bigint NOT NULL,
	"incident_response_sum" bigint NOT NULL,
	CONSTRAINT "cell_key" UNIQUE NULLS NOT DISTINCT("place","year","instrument","sector")
);
--> statement-breakpoint
CREATE TABLE "cyber"."company_cell" (
	"company_ref" text NOT NULL,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"sector" text NOT NULL,
	"year" smallint NOT NULL,
	"instrument" text NOT NULL,
	"scan_count" integer NOT NULL,
	CONSTRAINT "company_cell_company_ref_municipality_code_region_code_sector_year_instrument_pk" PRIMARY KEY("company_ref","municipality_code","region_code","sector","year","instrument")
);
