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

function summaryConditions({ year, instrument, sector }: SummaryFilter) {
  const conditions = { instrument, sector };
  return scanConditions(year == null ? conditions : withinYears(conditions, year, year));
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
  year: sql`extract(year from ${scans.scannedOn})::int`,
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
  const { scopeKey, group, scanCount, companyCount, averageScore } = row;
  const averages = Object.fromEntries(DOMAINS.map(({ column }) => [column, row[column]])) as Measures['averages'];
  return { scopeKey, group, scanCount, companyCount, averageScore, averages };
}

export function createSummaryQueries(db: Db) {
  /** Measures per scope key (and per group of the breakdown), for many keys in one statement. */
  async function summarise(scope: Scope, keys: readonly string[], filter: SummaryFilter, breakdown: Breakdown) {
    const column = SCOPES[scope];
    const group = BREAKDOWNS[breakdown];
    const query = db
      .select({ scopeKey: sql<string>`${column ?? sql`'NL'`}`, group: sql`${group ?? sql`null`}`, ...MEASURES })
      .from(scans)
      .where(and(column ? anyOf(column, keys) : undefined, summaryConditions(filter)))
      .$dynamic();
    const grouping = [column ? sql`${column}` : null, group].filter((part): part is SQL => part !== null);
    const rows = await (grouping.length ? query.groupBy(...grouping) : query);
    return (rows as unknown as FlatRow[]).map(toSummaryRow);
  }
  return { summarise };
}
