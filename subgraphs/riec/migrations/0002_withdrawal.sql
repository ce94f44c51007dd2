ALTER TABLE "riec"."picture" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "riec"."picture" ADD COLUMN "withdrawal_reason" text;