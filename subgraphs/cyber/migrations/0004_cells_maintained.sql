-- Keeps cyber.cell and cyber.company_cell (0003) exact in the writing transaction, for every writer of cyber.scan
-- (mutations, file imports, seeds, SQL by hand): statement-level triggers with transition tables, so a file of
-- 100,000 scans costs one pass, not 100,000. Counts and score sums are additive and follow the changed rows; the
-- distinct-company count is not, so the changed companies' finest cells are compared before and after the change.
-- Concurrent writers take turns on a transaction-level advisory lock; each then sees the others' committed cells.
CREATE FUNCTION cyber.maintain_cells() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_scans'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_scans'
    ELSE 'SELECT -1 AS sign, * FROM old_scans UNION ALL SELECT 1 AS sign, * FROM new_scans' END;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('cyber.cell'));
  EXECUTE format($sql$
    WITH changed AS (%s),
    delta AS (
      SELECT company_ref, municipality_code, region_code, sector, extract(year FROM scanned_on)::smallint AS year, instrument,
        sum(sign)::int AS scans, sum(sign * governance) AS governance, sum(sign * awareness) AS awareness, sum(sign * access_control) AS access_control, sum(sign * software_updates) AS software_updates, sum(sign * backups) AS backups, sum(sign * incident_response) AS incident_response
      FROM changed GROUP BY company_ref, municipality_code, region_code, sector, extract(year FROM scanned_on), instrument
    ),
    before AS (
      SELECT cc.* FROM cyber.company_cell cc WHERE cc.company_ref IN (SELECT company_ref FROM delta) AND cc.scan_count > 0
    ),
    upserted AS (
      INSERT INTO cyber.company_cell AS cc (company_ref, municipality_code, region_code, sector, year, instrument, scan_count)
      SELECT company_ref, municipality_code, region_code, sector, year, instrument, scans FROM delta WHERE scans <> 0
      ON CONFLICT (company_ref, municipality_code, region_code, sector, year, instrument)
        DO UPDATE SET scan_count = cc.scan_count + excluded.scan_count
      RETURNING cc.*
    ),
    after AS (
      SELECT b.* FROM before b WHERE NOT EXISTS (
        SELECT 1 FROM upserted u WHERE (u.company_ref, u.municipality_code, u.region_code, u.sector, u.year, u.instrument)
          = (b.company_ref, b.municipality_code, b.region_code, b.sector, b.year, b.instrument))
      UNION ALL SELECT * FROM upserted WHERE scan_count > 0
    ),
    presence AS (SELECT 1 AS sign, * FROM after UNION ALL SELECT -1 AS sign, * FROM before),
    parts AS (
      SELECT CASE WHEN grouping(municipality_code) = 0 THEN municipality_code WHEN grouping(region_code) = 0 THEN region_code ELSE 'NL' END AS place, year, instrument, sector, 0::bigint AS scans,
        count(DISTINCT company_ref) FILTER (WHERE sign = 1) - count(DISTINCT company_ref) FILTER (WHERE sign = -1) AS companies,
        0::bigint AS governance, 0::bigint AS awareness, 0::bigint AS access_control, 0::bigint AS software_updates, 0::bigint AS backups, 0::bigint AS incident_response
      FROM presence GROUP BY rollup(region_code, municipality_code), cube(year, instrument, sector) HAVING count(*) > 0
      UNION ALL
      SELECT CASE WHEN grouping(municipality_code) = 0 THEN municipality_code WHEN grouping(region_code) = 0 THEN region_code ELSE 'NL' END, year, instrument, sector, sum(scans), 0, sum(governance), sum(awareness), sum(access_control), sum(software_updates), sum(backups), sum(incident_response)
      FROM delta GROUP BY rollup(region_code, municipality_code), cube(year, instrument, sector) HAVING count(*) > 0
    ),
    cell_delta AS (
      SELECT place, year, instrument, sector, sum(scans)::int AS scans, sum(companies)::int AS companies,
        sum(governance) AS governance, sum(awareness) AS awareness, sum(access_control) AS access_control, sum(software_updates) AS software_updates, sum(backups) AS backups, sum(incident_response) AS incident_response
      FROM parts GROUP BY place, year, instrument, sector
    )
    INSERT INTO cyber.cell AS c (place, year, instrument, sector, scan_count, company_count, governance_sum, awareness_sum, access_control_sum, software_updates_sum, backups_sum, incident_response_sum)
    SELECT * FROM cell_delta WHERE scans <> 0 OR companies <> 0 OR governance <> 0 OR awareness <> 0 OR access_control <> 0 OR software_updates <> 0 OR backups <> 0 OR incident_response <> 0
    ON CONFLICT ON CONSTRAINT cell_key DO UPDATE SET scan_count = c.scan_count + excluded.scan_count,
      company_count = c.company_count + excluded.company_count,
      governance_sum = c.governance_sum + excluded.governance_sum,
      awareness_sum = c.awareness_sum + excluded.awareness_sum,
      access_control_sum = c.access_control_sum + excluded.access_control_sum,
      software_updates_sum = c.software_updates_sum + excluded.software_updates_sum,
      backups_sum = c.backups_sum + excluded.backups_sum,
      incident_response_sum = c.incident_response_sum + excluded.incident_response_sum
  $sql$, changed);
  EXECUTE format('DELETE FROM cyber.company_cell WHERE scan_count = 0 AND company_ref IN (SELECT company_ref FROM (%s) changed)', changed);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION cyber.clear_cells() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE cyber.cell, cyber.company_cell;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER scan_cells_insert AFTER INSERT ON cyber.scan REFERENCING NEW TABLE AS new_scans
  FOR EACH STATEMENT EXECUTE FUNCTION cyber.maintain_cells();
--> statement-breakpoint
CREATE TRIGGER scan_cells_update AFTER UPDATE ON cyber.scan REFERENCING OLD TABLE AS old_scans NEW TABLE AS new_scans
  FOR EACH STATEMENT EXECUTE FUNCTION cyber.maintain_cells();
--> statement-breakpoint
CREATE TRIGGER scan_cells_delete AFTER DELETE ON cyber.scan REFERENCING OLD TABLE AS old_scans
  FOR EACH STATEMENT EXECUTE FUNCTION cyber.maintain_cells();
--> statement-breakpoint
CREATE TRIGGER scan_cells_truncate AFTER TRUNCATE ON cyber.scan FOR EACH STATEMENT EXECUTE FUNCTION cyber.clear_cells();
--> statement-breakpoint
-- The scans already stored (the triggers above hold off writers until this commits, so none is missed).
INSERT INTO cyber.company_cell (company_ref, municipality_code, region_code, sector, year, instrument, scan_count)
SELECT company_ref, municipality_code, region_code, sector, extract(year FROM scanned_on)::smallint, instrument, count(*)::int
FROM cyber.scan GROUP BY company_ref, municipality_code, region_code, sector, extract(year FROM scanned_on), instrument;
--> statement-breakpoint
INSERT INTO cyber.cell (place, year, instrument, sector, scan_count, company_count, governance_sum, awareness_sum, access_control_sum, software_updates_sum, backups_sum, incident_response_sum)
SELECT CASE WHEN grouping(municipality_code) = 0 THEN municipality_code WHEN grouping(region_code) = 0 THEN region_code ELSE 'NL' END, year, instrument, sector, count(*)::int, count(DISTINCT company_ref)::int,
  sum(governance), sum(awareness), sum(access_control), sum(software_updates), sum(backups), sum(incident_response)
FROM (SELECT *, extract(year FROM scanned_on)::smallint AS year FROM cyber.scan) scan
GROUP BY rollup(region_code, municipality_code), cube(year, instrument, sector)
-- Over no scans at all, the grand total would still be a row.
HAVING count(*) > 0;
