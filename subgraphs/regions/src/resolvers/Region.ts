import type { PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { regions } from '../db/schema.js';

type RegionRow = typeof regions.$inferSelect;

export const Country = {
  __resolveReference: () => ({ code: 'NL' }),
  name: () => 'Nederland',
  population: async (_: unknown, __: unknown, ctx: Context) => (await ctx.loaders.country.load()).population,
  municipalityCount: async (_: unknown, __: unknown, ctx: Context) => (await ctx.loaders.country.load()).municipalityCount,
  businessParkCount: async (_: unknown, __: unknown, ctx: Context) => (await ctx.loaders.country.load()).businessParkCount,
};

export const Region = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.region.load(ref.code),
  provinces: async (region: RegionRow, _: unknown, ctx: Context) => (await ctx.loaders.regionStats.load(region.code))?.provinces ?? [],
  population: async (region: RegionRow, _: unknown, ctx: Context) => (await ctx.loaders.regionStats.load(region.code))?.population ?? 0,
  municipalityCount: async (region: RegionRow, _: unknown, ctx: Context) =>
    (await ctx.loaders.regionStats.load(region.code))?.municipalityCount ?? 0,
  municipalities: (region: RegionRow, _: unknown, ctx: Context) => ctx.loaders.regionMunicipalities.load(region.code),
  pvo: (region: RegionRow, _: unknown, ctx: Context) => ctx.loaders.pvo.load(region.code),
  businessParkCount: (region: RegionRow, _: unknown, ctx: Context) => ctx.loaders.regionBusinessParks.load(region.code),
  sites: (region: RegionRow, args: PageArgs & { kind?: string | null }, ctx: Context) =>
    ctx.loaders.regionSites.load(region.code, args),
};
