import { anyOf, type Db } from '@vo/kit';
import { and, eq, gt, isNotNull, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { DOMAINS, type DomainColumn } from '../../domain.js';
import { cells } from '../schema.js';
import type { ScanConditions } from './filters.js';

/** Whose scans a summary covers: one region, one municipality, or the whole country. */
export type Scope = 'region' | 'municipality' | 'country';
/** How a summary's scans are split: not at all, or per year, instrument or sector. */
export type Breakdown = 'total' | 'year' | 'instrument' | 'sector';

/**
 * What a summary can be narrowed to: one calendar year (all years when absent), an instrument, a
 * sector. Whole years only: every summary is then a cell of the table suppression protects.
 */
export type SummaryFilter = Pick<ScanConditions, 'instrument' | 'sector'> & { year?: number | null };

/** The filters besides the year: a summary's year is a condition of its own, so many years share one statement. */
export type GroupFilter = Omit<SummaryFilter, 'year'>;

/** The measures of one group of scans; every summary field is read from rows of this shape. */
export interface Measures {
  scanCount: number;
  companyCount: number;
  averageScore: number | null;
  averages: Record<DomainColumn, number | null>;
}

export interface SummaryRow extends Measures {
  scopeKey: string;
  /** The calendar year, when the summary is of single years; null for all years. */
  year: number | null;
  /** The year, instrument or sector of the group; null for the total. */
  group: string | number | null;
}

export const NO_SCANS: Measures = {
  scanCount: 0,
  companyCount: 0,
  averageScore: null,
  averages: Object.fromEntries(DOMAINS.map(({ column }) => [column, null])) as Measures['averages'],
};

/** The dimension a breakdown splits by; the place is the fourth. */
const BREAKDOWNS: Record<Breakdown, SQL | null> = {
  total: null,
  year: sql`${cells.year}`,
  instrument: sql`${cells.instrument}`,
  sector: sql`${cells.sector}`,
};

/** Cells hold sums: an average is the sum over the scan count, rounded as the API publishes it. */
const average = (sum: SQL) => sql<number | null>`round((${sum})::numeric / ${cells.scanCount}, 2)::float8`;
const SUMS = Object.fromEntries(DOMAINS.map(({ column }) => [column, cells[column]])) as unknown as Record<DomainColumn, AnyColumn>;

/**
 * The one place summaries are read: every summary, total or broken down, is a set of cells of the table the
 * triggers keep (migration 0004), with the measures small-cell suppression tests, the distinct companies included.
 */
const MEASURES = {
  scanCount: sql<number>`${cells.scanCount}`,
  companyCount: sql<number>`${cells.companyCount}`,
  averageScore: sql<number | null>`round((${sql.join(Object.values(SUMS), sql` + `)})::numeric / (6 * ${cells.scanCount}), 2)::float8`,
  ...Object.fromEntries(DOMAINS.map(({ column }) => [column, average(sql`${SUMS[column]}`)])),
};

/** One dimension of the cells asked for: the filter's value, any value (split by it), or null ("all"). */
function dimension(column: AnyColumn, value: string | null | undefined, split: boolean) {
  if (value) return eq(column, value);
  return split ? isNotNull(column) : isNull(column);
}

/** A row as SQL returns it: the domain averages side by side, not yet gathered into `averages`. */
type FlatRow = Omit<SummaryRow, 'averages'> & Record<DomainColumn, number | null>;

function toSummaryRow(row: FlatRow): SummaryRow {
  const { scopeKey, year, group, scanCount, companyCount, averageScore } = row;
  const averages = Object.fromEntries(DOMAINS.map(({ column }) => [column, row[column]])) as Measures['averages'];
  return { scopeKey, year, group, scanCount, companyCount, averageScore, averages };
}

export function createSummaryQueries(db: Db) {
  /**
   * Measures per scope key and group of the breakdown, for many keys in one statement; with `years`, per key, year
   * and group: the summaries of single calendar years (`cyber(year:)`) of many places and years in one statement.
   */
  async function summarise(
    scope: Scope,
    keys: readonly string[],
    filter: GroupFilter,
    breakdown: Breakdown,
    years: readonly number[] | null,
  ) {
    const group = BREAKDOWNS[breakdown];
    const rows = await db
      .select({ scopeKey: cells.place, year: years ? cells.year : sql`null`, group: group ?? sql`null`, ...MEASURES })
      .from(cells)
      .where(and(
        scope === 'country' ? eq(cells.place, 'NL') : anyOf(cells.place, keys),
        years ? anyOf(cells.year, [...years]) : dimension(cells.year, null, breakdown === 'year'),
        dimension(cells.instrument, filter.instrument, breakdown === 'instrument'),
        dimension(cells.sector, filter.sector, breakdown === 'sector'),
        gt(cells.scanCount, 0),
      ));
    return (rows as unknown as FlatRow[]).map(toSummaryRow);
  }
  return { summarise };
}
