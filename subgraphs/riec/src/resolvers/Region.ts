import { checkYearRange, isRegionCode } from '@vo/kit';
import type { Context } from '../context.js';
import { checkPeriodFilter } from '../periods.js';

/** Region belongs to the regions subgraph; this one adds the RIEC's pictures and their yearly signals by its key. */
export const Region = {
  /** Keys are checked against the kit's reference list, so a representation of an unknown region resolves to null. */
  __resolveReference: (ref: { code: string }) => (isRegionCode(ref.code) ? { code: ref.code } : null),
  underminingPictures(region: { code: string }, args: { year?: number | null; period?: string | null; theme?: string | null }, ctx: Context) {
    const { year, period } = checkPeriodFilter(args);
    // Fixed property order: the loader per argument set is keyed by this object's JSON.
    return ctx.loaders.regionPictures({ year, period, theme: args.theme ?? null }).load(region.code);
  },
  async underminingSignals(region: { code: string }, args: { from: number; to: number }, ctx: Context) {
    const range = checkYearRange(args);
    const byYear = new Map((await ctx.loaders.regionSignals(range).load(region.code)).map((row) => [row.year, row]));
    return Array.from({ length: range.to - range.from + 1 }, (_, i) => {
      const row = byYear.get(range.from + i);
      return { year: range.from + i, pictureCount: row?.pictureCount ?? 0, signalCount: row ? row.signalCount : null };
    });
  },
};
