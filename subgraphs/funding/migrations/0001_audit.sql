CREATE TABLE "funding"."audit_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"organisation" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"key" text NOT NULL,
	"changes" jsonb NOT NULL,
	"import_id" bigint
);
--> statement-breakpoint
CREATE INDEX "audit_entry_record_idx" ON "funding"."audit_entry" USING btree ("entity","key","id");--> statement-breakpoint
CREATE INDEX "audit_entry_import_idx" ON "funding"."audit_entry" USING btree ("import_id");