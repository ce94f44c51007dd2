import { BadInputError, NATIONAL_PLACE, REGION_CODES, checkYearRange, periodsBetween, trendKey, type Period } from '@vo/kit';
import type { Context } from '../context.js';
import { requireRegion } from './lookups.js';

/** A row of a trend table as this subgraph hands it on: its key and the period's dates. No SQL runs yet. */
interface TrendRowSource {
  place: string;
  period: string;
  year: number;
  quarter: number | null;
  periodStart: string;
  periodEnd: string;
}

const rowOf = (place: string, period: Period): TrendRowSource => ({
  place,
  period: period.id,
  year: period.year,
  quarter: period.quarter,
  periodStart: period.start,
  periodEnd: period.end,
});

interface TrendsArgs {
  from: number;
  to: number;
  regions?: string[] | null;
  quarters?: boolean | null;
}

/** The regions asked for, in the order asked; all ten when omitted. A typo is NOT_FOUND, a repeat BAD_USER_INPUT. */
async function regionsOf(ctx: Context, codes: readonly string[] | null | undefined): Promise<readonly string[]> {
  const asked = codes ?? REGION_CODES;
  const repeated = asked.find((code, index) => asked.indexOf(code) !== index);
  if (repeated) throw new BadInputError(`regions lists "${repeated}" more than once; name each region once.`, 'regions');
  // One batched statement for all codes; it also fills the loader that `region` reads.
  await Promise.all(asked.map((code) => requireRegion(ctx, code)));
  return asked;
}

export const trendsQuery = async (_: unknown, args: TrendsArgs, ctx: Context) => {
  const { from, to } = checkYearRange(args);
  const regions = await regionsOf(ctx, args.regions);
  const periods = periodsBetween(from, to, args.quarters ?? false);
  return {
    rows: regions.flatMap((code) => periods.map((period) => rowOf(code, period))),
    national: periods.map((period) => rowOf(NATIONAL_PLACE, period)),
  };
};

const isNational = (row: TrendRowSource) => row.place === NATIONAL_PLACE;

/** Population and business parks of a region come from the region's batched loaders, the country's from one read. */
export const TrendRow = {
  __resolveReference(ref: { place: string; period: string }) {
    const key = trendKey(ref);
    return key && rowOf(key.place, key.span);
  },
  region: (row: TrendRowSource, _: unknown, ctx: Context) => (isNational(row) ? null : ctx.loaders.region.load(row.place)),
  async population(row: TrendRowSource, _: unknown, ctx: Context) {
    if (isNational(row)) return (await ctx.loaders.country.load()).population;
    return (await ctx.loaders.regionStats.load(row.place))?.population ?? 0;
  },
  async businessParkCount(row: TrendRowSource, _: unknown, ctx: Context) {
    if (isNational(row)) return (await ctx.loaders.country.load()).businessParkCount;
    return ctx.loaders.regionBusinessParks.load(row.place);
  },
};
