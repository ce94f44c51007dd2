import { checkYear, checkYearRange } from '@vo/kit';
import type { Context } from '../context.js';
import type { AggregateRow, Dimension, ScopeName, Window } from '../db/queries/summaries.js';
import { partyStub } from '../parties.js';

/** A summary is only its scope and parent key; every field is one batched aggregate. */
export interface SummaryParent {
  scope: ScopeName;
  key: string;
}

interface YearParent extends SummaryParent {
  range: { from: number; to: number };
  row: Pick<AggregateRow, 'totalCents' | 'earmarkedCents' | 'grantCount'> & { year: number };
}

const load = (ctx: Context, parent: SummaryParent, dimension: Dimension, window: Window) =>
  ctx.loaders.summary({ scope: parent.scope, dimension, window }).load(parent.key);

const totals = async (parent: SummaryParent, ctx: Context) => (await load(ctx, parent, 'total', {}))[0];

const funderAmount = (row: AggregateRow) => ({
  funder: partyStub(row.funderType ?? '', row.funderId ?? ''),
  amountCents: row.totalCents,
  earmarkedCents: row.earmarkedCents,
  grantCount: row.grantCount,
});
const kindAmount = (row: AggregateRow) => ({ kind: row.kind, amountCents: row.totalCents, grantCount: row.grantCount });
const themeAmount = (row: AggregateRow) => ({ theme: row.theme, amountCents: row.totalCents, grantCount: row.grantCount });

/** Rows of one year out of a range's rows: the range is one statement for every year and parent. */
const ofYear = async (parent: YearParent, ctx: Context, dimension: Dimension) =>
  (await load(ctx, parent, dimension, parent.range)).filter((row) => row.year === parent.row.year);

export const FundingSummary = {
  totalCents: async (parent: SummaryParent, _: unknown, ctx: Context) => (await totals(parent, ctx))?.totalCents ?? 0,
  earmarkedCents: async (parent: SummaryParent, _: unknown, ctx: Context) => (await totals(parent, ctx))?.earmarkedCents ?? 0,
  grantCount: async (parent: SummaryParent, _: unknown, ctx: Context) => (await totals(parent, ctx))?.grantCount ?? 0,
  async earmarkedShare(parent: SummaryParent, _: unknown, ctx: Context) {
    const row = await totals(parent, ctx);
    return row && row.totalCents > 0 ? row.earmarkedCents / row.totalCents : null;
  },
  funderCategories: async (parent: SummaryParent, _: unknown, ctx: Context) => (await totals(parent, ctx))?.categories ?? [],
  async dependsOnlyOnCentralGovernment(parent: SummaryParent, _: unknown, ctx: Context) {
    const categories = (await totals(parent, ctx))?.categories ?? [];
    return categories.length > 0 && categories.every((category) => category === 'JUSTICE_AND_SECURITY');
  },
  async perYear(parent: SummaryParent, args: { from: number; to: number }, ctx: Context): Promise<YearParent[]> {
    const range = checkYearRange(args);
    const byYear = new Map((await load(ctx, parent, 'total', range)).map((row) => [row.year, row]));
    return Array.from({ length: range.to - range.from + 1 }, (_, i) => {
      const year = range.from + i;
      const row = byYear.get(year);
      return { ...parent, range, row: { year, totalCents: row?.totalCents ?? 0, earmarkedCents: row?.earmarkedCents ?? 0, grantCount: row?.grantCount ?? 0 } };
    });
  },
  byFunder: async (parent: SummaryParent, args: { year?: number | null }, ctx: Context) =>
    (await load(ctx, parent, 'funder', { year: checkYear(args.year) })).map(funderAmount),
  byKind: async (parent: SummaryParent, args: { year?: number | null }, ctx: Context) =>
    (await load(ctx, parent, 'kind', { year: checkYear(args.year) })).map(kindAmount),
  byTheme: async (parent: SummaryParent, args: { year?: number | null }, ctx: Context) =>
    (await load(ctx, parent, 'theme', { year: checkYear(args.year) })).map(themeAmount),
};

export const FundingYear = {
  year: (parent: YearParent) => parent.row.year,
  totalCents: (parent: YearParent) => parent.row.totalCents,
  earmarkedCents: (parent: YearParent) => parent.row.earmarkedCents,
  grantCount: (parent: YearParent) => parent.row.grantCount,
  byFunder: async (parent: YearParent, _: unknown, ctx: Context) => (await ofYear(parent, ctx, 'funder')).map(funderAmount),
  byKind: async (parent: YearParent, _: unknown, ctx: Context) => (await ofYear(parent, ctx, 'kind')).map(kindAmount),
  byTheme: async (parent: YearParent, _: unknown, ctx: Context) => (await ofYear(parent, ctx, 'theme')).map(themeAmount),
};
