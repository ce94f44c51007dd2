-- Keeps the summaries of 0003 exact in the writing transaction, for every writer of kvo.certification (mutations,
-- file imports, seeds, SQL by hand): statement-level triggers with transition tables, so an import costs one pass.
-- Each holds only what no day changes: issues per quarter, stock changes on fixed days, the days a lapse begins and
-- ends; the readers compare them with the day asked (summaries.ts), so the figures stay exact as time passes.
-- Issues and certificate changes are additive and follow the changed rows. A site's certified spans are not (two
-- overlapping certificates make one span), so the touched sites' spans are rebuilt from all their certificates and
-- the stock changes get the new spans' +1/-1 and lose the old ones'. A lapse depends on the certificates renewing it,
-- so it is rebuilt for the changed certificates and those they name as previous.
-- Concurrent writers take turns on a transaction-level advisory lock; each then sees the others' committed rows.
CREATE FUNCTION kvo.count_certificate_changes(removed kvo.certification[], added kvo.certification[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('kvo.summaries'));

  WITH changed AS (SELECT -1 AS sign, * FROM unnest(removed) UNION ALL SELECT 1, * FROM unnest(added)),
  issued AS (
    SELECT CASE WHEN grouping(municipality_code) = 0 THEN municipality_code WHEN grouping(region_code) = 0 THEN region_code ELSE 'NL' END AS place,
      year, quarter, scheme, sum(sign) AS certifications,
      sum(sign) FILTER (WHERE kind = 'FIRST') AS firsts, sum(sign) FILTER (WHERE kind = 'RECERTIFICATION') AS renewals
    FROM (SELECT *, extract(year FROM certified_on)::smallint AS year, extract(quarter FROM certified_on)::smallint AS quarter FROM changed) c
    GROUP BY rollup(region_code, municipality_code), year, quarter, scheme
  )
  INSERT INTO kvo.issue_count AS t (place, year, quarter, scheme, certifications, first_certifications, recertifications)
  SELECT place, year, quarter, scheme, certifications, coalesce(firsts, 0), coalesce(renewals, 0) FROM issued
  WHERE certifications <> 0 OR firsts <> 0 OR renewals <> 0
  ON CONFLICT (place, year, quarter, scheme) DO UPDATE SET certifications = t.certifications + excluded.certifications,
    first_certifications = t.first_certifications + excluded.first_certifications, recertifications = t.recertifications + excluded.recertifications;

  WITH changed AS (SELECT -1 AS sign, * FROM unnest(removed) UNION ALL SELECT 1, * FROM unnest(added)),
  sites AS (SELECT DISTINCT site_id FROM changed),
  gone AS (DELETE FROM kvo.site_span s USING sites WHERE s.site_id = sites.site_id RETURNING s.*),
  -- The touched sites' certificates valid on at least one day, once per place and once more as a business park.
  valid AS (
    SELECT p.place, c.site_id, f.business_park, c.certified_on AS started_on, least(c.valid_until, c.withdrawn_on - 1) AS ended_on
    FROM kvo.certification c
    CROSS JOIN LATERAL (VALUES (c.municipality_code), (c.region_code), ('NL')) p (place)
    CROSS JOIN LATERAL (VALUES (false), (true)) f (business_park)
    WHERE c.site_id IN (SELECT site_id FROM sites) AND least(c.valid_until, c.withdrawn_on - 1) >= c.certified_on
      AND (NOT f.business_park OR (c.scheme = 'KVO_B' AND c.site_kind = 'BUSINESS_PARK'))
  ),
  -- A span starts at a certificate beginning after every earlier one ended (a day later continues it).
  starts AS (
    SELECT *, CASE WHEN started_on <= max(ended_on) OVER (PARTITION BY place, site_id, business_park ORDER BY started_on, ended_on
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) + 1 THEN 0 ELSE 1 END AS opens
    FROM valid
  ),
  spans AS (
    SELECT *, sum(opens) OVER (PARTITION BY place, site_id, business_park ORDER BY started_on, ended_on) AS span FROM starts
  ),
  built AS (
    INSERT INTO kvo.site_span (place, site_id, business_park, started_on, ended_on)
    SELECT place, site_id, business_park, min(started_on), max(ended_on) FROM spans GROUP BY place, site_id, business_park, span
    RETURNING *
  ),
  change AS (
    SELECT p.place, e.day, c.sign * e.step AS certificates, 0 AS sites, 0 AS business_parks
    FROM changed c
    CROSS JOIN LATERAL (VALUES (c.municipality_code), (c.region_code), ('NL')) p (place)
    CROSS JOIN LATERAL (VALUES (c.certified_on, 1), (least(c.valid_until, c.withdrawn_on - 1) + 1, -1)) e (day, step)
    UNION ALL
    SELECT s.place, e.day, 0, CASE WHEN s.business_park THEN 0 ELSE s.sign * e.step END, CASE WHEN s.business_park THEN s.sign * e.step ELSE 0 END
    FROM (SELECT -1 AS sign, * FROM gone UNION ALL SELECT 1, * FROM built) s
    CROSS JOIN LATERAL (VALUES (s.started_on, 1), (s.ended_on + 1, -1)) e (day, step)
  )
  INSERT INTO kvo.stock_change AS t (place, grain, bucket, certificates, sites, business_parks)
  SELECT place, g.grain, g.bucket, sum(certificates), sum(sites), sum(business_parks)
  FROM change
  CROSS JOIN LATERAL (VALUES ('D', day), ('M', date_trunc('month', day)::date), ('Y', date_trunc('year', day)::date)) g (grain, bucket)
  GROUP BY place, g.grain, g.bucket
  HAVING sum(certificates) <> 0 OR sum(sites) <> 0 OR sum(business_parks) <> 0
  ON CONFLICT (place, grain, bucket) DO UPDATE SET certificates = t.certificates + excluded.certificates,
    sites = t.sites + excluded.sites, business_parks = t.business_parks + excluded.business_parks;

  WITH changed AS (SELECT * FROM unnest(removed) UNION ALL SELECT * FROM unnest(added))
  DELETE FROM kvo.lapse WHERE id IN (SELECT id FROM changed UNION SELECT previous_id FROM changed WHERE previous_id IS NOT NULL);

  -- Joined, not a lookup per certificate: a table no ANALYZE has seen yet (a first seed or import) still plans well.
  WITH changed AS (SELECT * FROM unnest(removed) UNION ALL SELECT * FROM unnest(added)),
  affected AS (SELECT id FROM changed UNION SELECT previous_id FROM changed WHERE previous_id IS NOT NULL),
  renewal AS (
    SELECT n.previous_id AS id, min(n.certified_on) AS renewed_on FROM kvo.certification n JOIN affected a ON a.id = n.previous_id GROUP BY n.previous_id
  )
  INSERT INTO kvo.lapse (id, scheme, municipality_code, region_code, ended_on, renewed_on)
  SELECT c.id, c.scheme, c.municipality_code, c.region_code, least(c.valid_until, c.withdrawn_on - 1), r.renewed_on
  FROM kvo.certification c JOIN affected a ON a.id = c.id LEFT JOIN renewal r ON r.id = c.id
  WHERE r.renewed_on IS NULL OR r.renewed_on > least(c.valid_until, c.withdrawn_on - 1) + 1;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION kvo.maintain_summaries() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM kvo.count_certificate_changes('{}', array(SELECT n::kvo.certification FROM new_certificates n));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM kvo.count_certificate_changes(array(SELECT o::kvo.certification FROM old_certificates o), '{}');
  ELSE
    PERFORM kvo.count_certificate_changes(array(SELECT o::kvo.certification FROM old_certificates o), array(SELECT n::kvo.certification FROM new_certificates n));
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION kvo.clear_summaries() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  TRUNCATE kvo.stock_change, kvo.site_span, kvo.issue_count, kvo.lapse;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER certification_summaries_insert AFTER INSERT ON kvo.certification REFERENCING NEW TABLE AS new_certificates
  FOR EACH STATEMENT EXECUTE FUNCTION kvo.maintain_summaries();
--> statement-breakpoint
CREATE TRIGGER certification_summaries_update AFTER UPDATE ON kvo.certification REFERENCING OLD TABLE AS old_certificates NEW TABLE AS new_certificates
  FOR EACH STATEMENT EXECUTE FUNCTION kvo.maintain_summaries();
--> statement-breakpoint
CREATE TRIGGER certification_summaries_delete AFTER DELETE ON kvo.certification REFERENCING OLD TABLE AS old_certificates
  FOR EACH STATEMENT EXECUTE FUNCTION kvo.maintain_summaries();
--> statement-breakpoint
CREATE TRIGGER certification_summaries_truncate AFTER TRUNCATE ON kvo.certification FOR EACH STATEMENT EXECUTE FUNCTION kvo.clear_summaries();
--> statement-breakpoint
-- The certificates already stored, counted as if just inserted, by the same function (the triggers above hold off
-- writers until this commits, so none is missed).
SELECT kvo.count_certificate_changes('{}', array(SELECT c FROM kvo.certification c));
--> statement-breakpoint
-- Statistics for the filled summaries now: PGlite runs no autovacuum, and a server's may come only after the first reads.
ANALYZE kvo.stock_change, kvo.site_span, kvo.issue_count, kvo.lapse;
