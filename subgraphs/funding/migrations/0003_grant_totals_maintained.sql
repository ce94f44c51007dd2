-- Keeps funding.grant_total (0002) exact in the writing transaction, for every writer of funding.grant (mutations,
-- file imports, seeds, SQL by hand): statement-level triggers with transition tables, so an import costs one pass.
-- Sums and counts are additive, so each statement adds what it inserted and takes off what it deleted or replaced.
CREATE FUNCTION funding.maintain_grant_totals() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_grants'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_grants'
    ELSE 'SELECT -1 AS sign, * FROM old_grants UNION ALL SELECT 1 AS sign, * FROM new_grants' END;
BEGIN
  EXECUTE format($sql$
    INSERT INTO funding.grant_total AS t (recipient_type, recipient_id, recipient_region_code, year, funder_category, earmarked, amount_cents, grant_count)
    SELECT recipient_type, recipient_id, recipient_region_code, year, funder_category, earmarked, sum(sign * amount_cents), sum(sign)
    FROM (%s) changed
    GROUP BY recipient_type, recipient_id, recipient_region_code, year, funder_category, earmarked
    HAVING sum(sign) <> 0 OR sum(sign * amount_cents) <> 0
    ON CONFLICT ON CONSTRAINT grant_total_key DO UPDATE
      SET amount_cents = t.amount_cents + excluded.amount_cents, grant_count = t.grant_count + excluded.grant_count
  $sql$, changed);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION funding.clear_grant_totals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE funding.grant_total;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER grant_totals_insert AFTER INSERT ON funding."grant" REFERENCING NEW TABLE AS new_grants
  FOR EACH STATEMENT EXECUTE FUNCTION funding.maintain_grant_totals();
--> statement-breakpoint
CREATE TRIGGER grant_totals_update AFTER UPDATE ON funding."grant" REFERENCING OLD TABLE AS old_grants NEW TABLE AS new_grants
  FOR EACH STATEMENT EXECUTE FUNCTION funding.maintain_grant_totals();
--> statement-breakpoint
CREATE TRIGGER grant_totals_delete AFTER DELETE ON funding."grant" REFERENCING OLD TABLE AS old_grants
  FOR EACH STATEMENT EXECUTE FUNCTION funding.maintain_grant_totals();
--> statement-breakpoint
CREATE TRIGGER grant_totals_truncate AFTER TRUNCATE ON funding."grant" FOR EACH STATEMENT EXECUTE FUNCTION funding.clear_grant_totals();
--> statement-breakpoint
-- The grants already stored (the triggers above hold off writers until this commits, so none is missed).
INSERT INTO funding.grant_total (recipient_type, recipient_id, recipient_region_code, year, funder_category, earmarked, amount_cents, grant_count)
SELECT recipient_type, recipient_id, recipient_region_code, year, funder_category, earmarked, sum(amount_cents), count(*)
FROM funding."grant" GROUP BY recipient_type, recipient_id, recipient_region_code, year, funder_category, earmarked;
