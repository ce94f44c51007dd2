import { trendKey, type TrendKey } from '@vo/kit';
import type { Context } from '../context.js';
import { today } from '@vo/kit';
import { NO_CERTIFICATES, coverage, requireBusinessParks } from './KvoSummary.js';

/** A trend row as this subgraph sees it: its key, and the business parks the gateway supplied (`@requires`). */
interface TrendRowSource extends TrendKey {
  businessParkCount?: number;
}

const flows = (row: TrendRowSource, ctx: Context) => ctx.loaders.trendFlows(today()).load(row);
const atEnd = async (row: TrendRowSource, ctx: Context) =>
  (await ctx.loaders.trendStock.load({ place: row.place, day: row.span.end })) ?? NO_CERTIFICATES;

/* The regions subgraph owns TrendRow; this subgraph adds `kvo`. An unknown place or period resolves to null. */
export const TrendRow = {
  __resolveReference(ref: { place: string; period: string; businessParkCount?: number }): TrendRowSource | null {
    const key = trendKey(ref);
    return key && { ...key, businessParkCount: ref.businessParkCount };
  },
  kvo: (row: TrendRowSource) => row,
};

/** Every field reads one of two loaders, each one statement for all rows of the table. */
export const KvoPeriod = {
  newCertifications: async (row: TrendRowSource, _: unknown, ctx: Context) => (await flows(row, ctx)).firstCertifications,
  recertifications: async (row: TrendRowSource, _: unknown, ctx: Context) => (await flows(row, ctx)).recertifications,
  expired: async (row: TrendRowSource, _: unknown, ctx: Context) => (await flows(row, ctx)).expired,
  validAtEnd: async (row: TrendRowSource, _: unknown, ctx: Context) => (await atEnd(row, ctx)).validCertificates,
  certifiedBusinessParksAtEnd: async (row: TrendRowSource, _: unknown, ctx: Context) => (await atEnd(row, ctx)).certifiedBusinessParks,
  async businessParkCoverage(row: TrendRowSource, _: unknown, ctx: Context) {
    const parks = requireBusinessParks(row.businessParkCount);
    return coverage((await atEnd(row, ctx)).certifiedBusinessParks, parks);
  },
};
