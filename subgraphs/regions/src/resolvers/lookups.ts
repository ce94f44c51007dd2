import { NotFoundError, isRegionCode } from '@vo/kit';
import type { Context } from '../context.js';

/** Loads a region or fails with NOT_FOUND naming the code. */
export async function requireRegion(ctx: Context, code: string) {
  const region = isRegionCode(code) ? await ctx.loaders.region.load(code) : null;
  if (!region) throw new NotFoundError('Region', code);
  return region;
}

export async function requireMunicipality(ctx: Context, code: string) {
  const municipality = await ctx.loaders.municipality.load(code);
  if (!municipality) throw new NotFoundError('Municipality', code);
  return municipality;
}

/** Checks the codes a list was filtered on, so a typo gives NOT_FOUND rather than an empty page. */
export async function checkFilters(ctx: Context, filter: { region?: string | null; municipality?: string | null }) {
  if (filter.region) await requireRegion(ctx, filter.region);
  if (filter.municipality) await requireMunicipality(ctx, filter.municipality);
}
