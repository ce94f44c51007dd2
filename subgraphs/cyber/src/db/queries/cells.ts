import type { Db } from '@vo/kit';
import { gt } from 'drizzle-orm';
import { cells } from '../schema.js';

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

/**
 * Distinct companies in every non-empty cell: read from the cell table the triggers keep exact (migration 0004),
 * so the suppression pattern costs a table read, not a GROUP BY over every scan.
 */
export function createCellQueries(db: Db) {
  const statement = db
    .select({ place: cells.place, year: cells.year, instrument: cells.instrument, sector: cells.sector, companyCount: cells.companyCount })
    .from(cells)
    .where(gt(cells.scanCount, 0))
    .prepare('cyber_cells');
  return { all: (): Promise<CellRow[]> => statement.execute() };
}
