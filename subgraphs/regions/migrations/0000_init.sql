CREATE SCHEMA "regions";
--> statement-breakpoint
CREATE TABLE "regions"."municipality" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"province" text NOT NULL,
	"safety_region_code" text NOT NULL,
	"safety_region" text NOT NULL,
	"region_code" text NOT NULL,
	"population" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions"."organisation" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"abbreviation" text,
	"type" text NOT NULL,
	"region_code" text,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions"."pvo_partner" (
	"region_code" text NOT NULL,
	"organisation_id" text NOT NULL,
	CONSTRAINT "pvo_partner_region_code_organisation_id_pk" PRIMARY KEY("region_code","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "regions"."pvo" (
	"region_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"legal_form" text NOT NULL,
	"form_description" text NOT NULL,
	"orientation" text NOT NULL,
	"base" text NOT NULL,
	"host_id" text,
	"embedded_in_id" text,
	"business_represented" boolean NOT NULL,
	"manager_arrangement" text NOT NULL,
	"manager_fte" real,
	"ccv_adviser_days_per_week" real,
	"themes" text[] NOT NULL,
	"website" text,
	"visibility_stars" integer,
	"municipality_count_in_report" integer NOT NULL,
	"started_year" integer,
	"facts" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions"."region" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"police_unit" text NOT NULL,
	"police_unit_code" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions"."site" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"synthetic" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX "municipality_region_idx" ON "regions"."municipality" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "organisation_region_idx" ON "regions"."organisation" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "site_municipality_idx" ON "regions"."site" USING btree ("municipality_code","id");--> statement-breakpoint
CREATE INDEX "site_region_idx" ON "regions"."site" USING btree ("region_code","kind","id");