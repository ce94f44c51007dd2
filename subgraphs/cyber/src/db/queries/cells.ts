import type { Db } from '@vo/kit';
import { sql } from 'drizzle-orm';
import { scans } from '../schema.js';

/**
 * One cell of the full cross-classification the summaries can reach: a place (municipality, region
 * or NL) by year, instrument and sector, each either one value or null for "all".
 */
export interface CellRow {
  place: string;
  year: number | null;
  instrument: string | null;
  sector: string | null;
  companyCount: number;
}

const year = sql`extract(year from ${scans.scannedOn})::int`;

/**
 * Distinct companies in every non-empty cell, in one set-based statement: ROLLUP over the places
 * (municipality within region within the country) times CUBE over year, instrument and sector.
 */
export function createCellQueries(db: Db) {
  const statement = db
    .select({
      place: sql<string>`case when grouping(${scans.municipalityCode}) = 0 then ${scans.municipalityCode}
        when grouping(${scans.regionCode}) = 0 then ${scans.regionCode} else 'NL' end`,
      year: sql<number | null>`${year}`,
      instrument: sql<string | null>`${scans.instrument}`,
      sector: sql<string | null>`${scans.sector}`,
      companyCount: sql<number>`count(distinct ${scans.companyRef})::int`,
    })
    .from(scans)
    .groupBy(sql`rollup(${scans.regionCode}, ${scans.municipalityCode}), cube(${year}, ${scans.instrument}, ${scans.sector})`)
    .prepare('cyber_cells');
  return { all: (): Promise<CellRow[]> => statement.execute() };
}
