import type { Db } from '@vo/kit';
import { and, asc, between, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { grantTotals, grants } from '../schema.js';

/** The set of grants a summary adds up, and the column that tells its parents apart. */
interface Scope {
  typeColumn: PgColumn;
  type: string;
  key: PgColumn | SQL;
  /** A further condition on the scope's grants. */
  where?: SQL;
}

/**
 * The country has one parent, "NL": every grant a PVO receives. National recipients are the grants to
 * organisations of no region (CCV, DTC, ...), which no region's or the country's funding counts.
 */
const SCOPES = {
  country: { typeColumn: grants.recipientType, type: 'REGION', key: sql`'NL'` },
  nationalRecipients: { typeColumn: grants.recipientType, type: 'ORGANISATION', key: sql`'NL'`, where: isNull(grants.recipientRegionCode) },
  region: { typeColumn: grants.recipientType, type: 'REGION', key: grants.recipientId },
  organisationGiven: { typeColumn: grants.funderType, type: 'ORGANISATION', key: grants.funderId },
  organisationReceived: { typeColumn: grants.recipientType, type: 'ORGANISATION', key: grants.recipientId },
  municipalityGiven: { typeColumn: grants.funderType, type: 'MUNICIPALITY', key: grants.funderId },
  municipalityReceived: { typeColumn: grants.recipientType, type: 'MUNICIPALITY', key: grants.recipientId },
} satisfies Record<string, Scope>;

export type ScopeName = keyof typeof SCOPES;

/** The recipient scopes again, over grant_total: their totals need no pass over the grants. */
const TOTAL_SCOPES: Partial<Record<ScopeName, Scope>> = {
  country: { typeColumn: grantTotals.recipientType, type: 'REGION', key: sql`'NL'` },
  nationalRecipients: { typeColumn: grantTotals.recipientType, type: 'ORGANISATION', key: sql`'NL'`, where: isNull(grantTotals.recipientRegionCode) },
  region: { typeColumn: grantTotals.recipientType, type: 'REGION', key: grantTotals.recipientId },
  organisationReceived: { typeColumn: grantTotals.recipientType, type: 'ORGANISATION', key: grantTotals.recipientId },
  municipalityReceived: { typeColumn: grantTotals.recipientType, type: 'MUNICIPALITY', key: grantTotals.recipientId },
};

/** What the amounts are split by, besides the parent (and the year for a range). */
export type Dimension = 'total' | 'funder' | 'kind' | 'theme';

/** All years, one budget year, or each year of a range. */
export type Window = { year?: number | null } | { from: number; to: number };
const isRange = (window: Window): window is { from: number; to: number } => 'from' in window;

export interface AggregateRow {
  key: string;
  year: number | null;
  funderType: string | null;
  funderId: string | null;
  kind: string | null;
  theme: string | null;
  totalCents: number;
  earmarkedCents: number;
  grantCount: number;
  categories: string[];
}

function windowCondition(window: Window, year: PgColumn = grants.year): SQL | undefined {
  if (isRange(window)) return between(year, window.from, window.to);
  return window.year != null ? eq(year, window.year) : undefined;
}

/** The scope's grants of the asked parents and years, one row per grant (per theme when split by theme). */
function scopedGrants(db: Db, scope: Scope, keys: readonly string[], dimension: Dimension, window: Window) {
  const text = (expression: SQL | PgColumn, alias: string) => sql<string | null>`${expression}`.as(alias);
  return db
    .select({
      key: text(scope.key, 'key'),
      year: sql<number>`${grants.year}`.as('year'),
      funderType: text(grants.funderType, 'funder_type'),
      funderId: text(grants.funderId, 'funder_id'),
      kind: text(grants.kind, 'kind'),
      // Unnesting repeats a grant once per theme: a grant with two themes counts fully under each.
      theme: text(dimension === 'theme' ? sql`unnest(${grants.themes})` : sql`null::text`, 'theme'),
      category: text(grants.funderCategory, 'category'),
      amount: sql<number>`${grants.amountCents}`.as('amount'),
      earmarked: sql<boolean>`${grants.earmarked}`.as('earmarked'),
    })
    .from(grants)
    .where(and(eq(scope.typeColumn, scope.type), scope.where, sql`${scope.key} = any(${sql.param(keys)})`, windowCondition(window)))
    .as('scoped');
}

/**
 * Sums a scope's grants for many parents in one statement, grouped by parent, by year when the
 * window is a range, and by the dimension.
 */
export async function aggregate(db: Db, scopeName: ScopeName, keys: readonly string[], dimension: Dimension, window: Window) {
  const totalScope = TOTAL_SCOPES[scopeName];
  if (dimension === 'total' && totalScope) return totals(db, totalScope, keys, window);
  const scoped = scopedGrants(db, SCOPES[scopeName], keys, dimension, window);
  const split = { total: [], funder: [scoped.funderType, scoped.funderId], kind: [scoped.kind], theme: [scoped.theme] }[dimension];
  const years = isRange(window) ? [scoped.year] : [];
  const pick = <T>(column: T, used: boolean) => (used ? column : sql`null`);
  const rows = await db
    .select({
      key: scoped.key,
      year: pick(scoped.year, years.length > 0),
      funderType: pick(scoped.funderType, dimension === 'funder'),
      funderId: pick(scoped.funderId, dimension === 'funder'),
      kind: pick(scoped.kind, dimension === 'kind'),
      theme: pick(scoped.theme, dimension === 'theme'),
      totalCents: sql<number>`sum(${scoped.amount})::bigint`.mapWith(Number),
      earmarkedCents: sql<number>`coalesce(sum(${scoped.amount}) filter (where ${scoped.earmarked}), 0)::bigint`.mapWith(Number),
      grantCount: sql<number>`count(*)::int`.mapWith(Number),
      categories: sql<string[]>`array_agg(distinct ${scoped.category} order by ${scoped.category})`,
    })
    .from(scoped)
    .groupBy(scoped.key, ...years, ...split)
    // Largest first within each parent and year; ties broken by the split so the order is stable.
    .orderBy(asc(scoped.key), ...years.map((c) => asc(c)), sql`sum(${scoped.amount}) desc`, ...split.map((c) => asc(c)));
  return rows as AggregateRow[];
}

/** `aggregate` without a split for a recipient scope: summed from grant_total, the same rows in the same order. */
async function totals(db: Db, scope: Scope, keys: readonly string[], window: Window) {
  const t = grantTotals;
  const key = sql<string>`${scope.key}`;
  const years = isRange(window) ? [t.year] : [];
  const rows = await db
    .select({
      key,
      year: years.length > 0 ? sql<number>`${t.year}` : sql`null`,
      funderType: sql`null`,
      funderId: sql`null`,
      kind: sql`null`,
      theme: sql`null`,
      totalCents: sql<number>`sum(${t.amountCents})::bigint`.mapWith(Number),
      earmarkedCents: sql<number>`coalesce(sum(${t.amountCents}) filter (where ${t.earmarked}), 0)::bigint`.mapWith(Number),
      grantCount: sql<number>`sum(${t.grantCount})::int`.mapWith(Number),
      categories: sql<string[]>`array_agg(distinct ${t.funderCategory} order by ${t.funderCategory})`,
    })
    .from(t)
    // A total whose grants were all deleted stays with zeros: it is no grant.
    .where(and(eq(scope.typeColumn, scope.type), scope.where, sql`${scope.key} = any(${sql.param(keys)})`, windowCondition(window, t.year), gt(t.grantCount, 0)))
    // By position: the country's key is a constant, which Postgres will not group or order by as an expression.
    .groupBy(sql`1`, ...years)
    .orderBy(sql`1`, ...years.map((c) => asc(c)), sql`sum(${t.amountCents}) desc`);
  return rows as AggregateRow[];
}
