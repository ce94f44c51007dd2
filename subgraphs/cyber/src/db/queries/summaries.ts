import { anyOf, type Db } from '@vo/kit';
import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { DOMAINS, type DomainColumn } from '../../domain.js';
import { overallScore, scans } from '../schema.js';
import { scanConditions, withinYears, type ScanConditions } from './filters.js';

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

const yearOf = sql`extract(year from ${scans.scannedOn})::int`;

/** All years (`years` null), or exactly the calendar years listed. */
function summaryConditions({ instrument, sector }: GroupFilter, years: readonly number[] | null) {
  const conditions = { instrument, sector };
  if (!years) return scanConditions(conditions);
  // The date range lets the indexes on (place, scanned_on) narrow the scan; the list keeps exactly the years asked.
  const range = withinYears(conditions, Math.min(...years), Math.max(...years));
  return and(scanConditions(range), sql`${yearOf} = any(${sql.param([...years])})`);
}

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

/** The column a scope groups on; the country is one group. */
const SCOPES: Record<Scope, AnyColumn | null> = {
  region: scans.regionCode,
  municipality: scans.municipalityCode,
  country: null,
};

const BREAKDOWNS: Record<Breakdown, SQL | null> = {
  total: null,
  year: yearOf,
  instrument: sql`${scans.instrument}`,
  sector: sql`${scans.sector}`,
};

const average = (value: SQL | AnyColumn) => sql<number | null>`round(avg(${value})::numeric, 2)::float8`;

/**
 * The one place where scans are aggregated: every summary, total or broken down, gets the same
 * measures per group, including the distinct-company count that small-cell suppression will test.
 */
const MEASURES = {
  scanCount: sql<number>`count(*)::int`,
  companyCount: sql<number>`count(distinct ${scans.companyRef})::int`,
  averageScore: average(overallScore),
  ...Object.fromEntries(DOMAINS.map(({ column }) => [column, average(scans[column])])),
};

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
    const column = SCOPES[scope];
    const group = BREAKDOWNS[breakdown];
    const year = years ? yearOf : null;
    const orNull = (part: SQL | AnyColumn | null) => part ?? sql`null`;
    const query = db
      .select({ scopeKey: sql<string>`${column ?? sql`'NL'`}`, year: sql`${orNull(year)}`, group: sql`${orNull(group)}`, ...MEASURES })
      .from(scans)
      .where(and(column ? anyOf(column, keys) : undefined, summaryConditions(filter, years)))
      .$dynamic();
    const grouping = [column ? sql`${column}` : null, year, group].filter((part): part is SQL => part !== null);
    const rows = await (grouping.length ? query.groupBy(...grouping) : query);
    return (rows as unknown as FlatRow[]).map(toSummaryRow);
  }
  return { summarise };
}
