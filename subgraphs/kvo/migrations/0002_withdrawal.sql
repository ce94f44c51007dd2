ALTER TABLE "kvo"."certification" DROP CONSTRAINT "certification_validity";--> statement-breakpoint
ALTER TABLE "kvo"."certification" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "kvo"."certification" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "certification_natural_key" ON "kvo"."certification" USING btree ("site_id","scheme","certified_on");--> statement-breakpoint
ALTER TABLE "kvo"."certification" ADD CONSTRAINT "certification_withdrawal" CHECK ((withdrawn_on is null) = (withdrawal_reason is null) and (withdrawn_on is null or withdrawn_on between certified_on and valid_until));--> statement-breakpoint
ALTER TABLE "kvo"."certification" ADD CONSTRAINT "certification_validity" CHECK (valid_until > certified_on and valid_until <= (certified_on + interval '3 years')::date);