import { checkYearRange } from '@vo/kit';
import { DOMAINS, INSTRUMENTS, SECTORS } from '../domain.js';
import type { Context } from '../context.js';
import { NO_SCANS, type Breakdown, type Scope, type SummaryFilter, type SummaryRow } from '../db/queries/summaries.js';
import { publish, statusOfRow } from '../suppression/protect.js';

/** Whose scans a CyberSummary covers and with which filters. */
export interface SummarySource {
  scope: Scope;
  key: string;
  filter: SummaryFilter;
}

/** The rows of one breakdown, each published or withheld by the suppression pattern. */
async function load(source: SummarySource, ctx: Context, breakdown: Breakdown) {
  const [rows, pattern] = await Promise.all([
    ctx.loaders.summaries.load(source.scope, source.key, source.filter, breakdown),
    ctx.queries.suppression.pattern(),
  ]);
  return rows.map((row: SummaryRow) => ({
    group: row.group,
    ...publish(row, statusOfRow(pattern, source, breakdown, row.group, row.companyCount)),
  }));
}

const total = async (source: SummarySource, ctx: Context) => (await load(source, ctx, 'total'))[0] ?? publish(NO_SCANS, null);

/** The groups of a breakdown in the schema's enum order, leaving out values without scans. */
function inOrder<R extends { group: string | number | null }>(rows: R[], order: readonly string[]) {
  const byGroup = new Map(rows.map((row) => [row.group, row]));
  return order.flatMap((value) => {
    const row = byGroup.get(value);
    return row ? [{ value, ...row }] : [];
  });
}

export const CyberSummary = {
  scanCount: async (source: SummarySource, _: unknown, ctx: Context) => (await total(source, ctx)).scanCount,
  companyCount: async (source: SummarySource, _: unknown, ctx: Context) => (await total(source, ctx)).companyCount,
  averageScore: async (source: SummarySource, _: unknown, ctx: Context) => (await total(source, ctx)).averageScore,
  suppressed: async (source: SummarySource, _: unknown, ctx: Context) => (await total(source, ctx)).suppressed,
  suppression: async (source: SummarySource, _: unknown, ctx: Context) => (await total(source, ctx)).suppression,
  async averages(source: SummarySource, _: unknown, ctx: Context) {
    const { averages } = await total(source, ctx);
    return DOMAINS.map(({ domain, column }) => ({ domain, average: averages[column] }));
  },
  async perYear(source: SummarySource, args: { from: number; to: number }, ctx: Context) {
    checkYearRange(args);
    // One statement per summary for all its years; the years asked for are picked from it.
    const rows = await load(source, ctx, 'year');
    const byYear = new Map(rows.map((row) => [row.group, row]));
    return Array.from({ length: args.to - args.from + 1 }, (_, index) => {
      const year = args.from + index;
      return { ...(byYear.get(year) ?? publish(NO_SCANS, null)), year };
    });
  },
  byInstrument: async (source: SummarySource, _: unknown, ctx: Context) =>
    inOrder(await load(source, ctx, 'instrument'), INSTRUMENTS).map(({ value, ...row }) => ({ instrument: value, ...row })),
  bySector: async (source: SummarySource, _: unknown, ctx: Context) =>
    inOrder(await load(source, ctx, 'sector'), SECTORS).map(({ value, ...row }) => ({ sector: value, ...row })),
};
