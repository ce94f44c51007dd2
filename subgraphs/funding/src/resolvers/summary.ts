import { checkYear, checkYearRange } from '@vo/kit';
import type { Context } from '../context.js';
import type { AggregateRow, Dimension, ScopeName, Window } from '../db/queries/summaries.js';
import { partyStub } from '../parties.js';

/** A summary is only its scope and parent key; every field is one batched aggregate. */
export interface SummaryParent {
  scope: ScopeName;
  key: string;
}

/** A summary's parent in one budget year: a FundingYear, or a trend row's FundingPeriod. */
export interface YearParent extends SummaryParent {
  year: number;
}

/** A FundingYear carries its totals, read with the whole range by `perYear`. */
interface FundingYearParent extends YearParent {
  row: Pick<AggregateRow, 'totalCents' | 'earmarkedCents' | 'grantCount'>;
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

/** A parent's rows of one year: one statement for every parent and year the request asks about. */
const ofYear = (parent: YearParent, ctx: Context, dimension: Dimension, scope: ScopeName = parent.scope) =>
  ctx.loaders.yearly({ scope, dimension }).load({ key: parent.key, year: parent.year });

const share = (row: { totalCents: number; earmarkedCents: number } | undefined) =>
  row && row.totalCents > 0 ? row.earmarkedCents / row.totalCents : null;

/** One year's amounts per funder, kind and theme: FundingYear and FundingPeriod share them, and their @policy. */
const yearBreakdowns = {
  byFunder: async (parent: YearParent, _: unknown, ctx: Context) => (await ofYear(parent, ctx, 'funder')).map(funderAmount),
  byKind: async (parent: YearParent, _: unknown, ctx: Context) => (await ofYear(parent, ctx, 'kind')).map(kindAmount),
  byTheme: async (parent: YearParent, _: unknown, ctx: Context) => (await ofYear(parent, ctx, 'theme')).map(themeAmount),
};

export const FundingSummary = {
  totalCents: async (parent: SummaryParent, _: unknown, ctx: Context) => (await totals(parent, ctx))?.totalCents ?? 0,
  earmarkedCents: async (parent: SummaryParent, _: unknown, ctx: Context) => (await totals(parent, ctx))?.earmarkedCents ?? 0,
  grantCount: async (parent: SummaryParent, _: unknown, ctx: Context) => (await totals(parent, ctx))?.grantCount ?? 0,
  earmarkedShare: async (parent: SummaryParent, _: unknown, ctx: Context) => share(await totals(parent, ctx)),
  funderCategories: async (parent: SummaryParent, _: unknown, ctx: Context) => (await totals(parent, ctx))?.categories ?? [],
  async dependsOnlyOnCentralGovernment(parent: SummaryParent, _: unknown, ctx: Context) {
    const categories = (await totals(parent, ctx))?.categories ?? [];
    return categories.length > 0 && categories.every((category) => category === 'JUSTICE_AND_SECURITY');
  },
  async perYear(parent: SummaryParent, args: { from: number; to: number }, ctx: Context): Promise<FundingYearParent[]> {
    const range = checkYearRange(args);
    const byYear = new Map((await load(ctx, parent, 'total', range)).map((row) => [row.year, row]));
    return Array.from({ length: range.to - range.from + 1 }, (_, i) => {
      const year = range.from + i;
      const row = byYear.get(year);
      return { ...parent, year, row: { totalCents: row?.totalCents ?? 0, earmarkedCents: row?.earmarkedCents ?? 0, grantCount: row?.grantCount ?? 0 } };
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
  year: (parent: FundingYearParent) => parent.year,
  totalCents: (parent: FundingYearParent) => parent.row.totalCents,
  earmarkedCents: (parent: FundingYearParent) => parent.row.earmarkedCents,
  grantCount: (parent: FundingYearParent) => parent.row.grantCount,
  ...yearBreakdowns,
};

const periodTotals = async (parent: YearParent, ctx: Context) => (await ofYear(parent, ctx, 'total'))[0];

/** A trend row's budget year: the FundingYear of the same parent, batched over every row of the table. */
export const FundingPeriod = {
  totalCents: async (parent: YearParent, _: unknown, ctx: Context) => (await periodTotals(parent, ctx))?.totalCents ?? 0,
  earmarkedCents: async (parent: YearParent, _: unknown, ctx: Context) => (await periodTotals(parent, ctx))?.earmarkedCents ?? 0,
  earmarkedShare: async (parent: YearParent, _: unknown, ctx: Context) => share(await periodTotals(parent, ctx)),
  grantCount: async (parent: YearParent, _: unknown, ctx: Context) => (await periodTotals(parent, ctx))?.grantCount ?? 0,
  ...yearBreakdowns,
  async nationalRecipientsCents(parent: YearParent, _: unknown, ctx: Context) {
    if (parent.scope !== 'country') return null;
    return (await ofYear(parent, ctx, 'total', 'nationalRecipients'))[0]?.totalCents ?? 0;
  },
};
