import { NotFoundError, readPage, toConnection, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { MunicipalityFilter } from '../db/queries/municipalities.js';
import type { OrganisationFilter } from '../db/queries/organisations.js';
import type { SiteFilter } from '../db/queries/sites.js';
import { checkFilters, requireMunicipality, requireRegion } from './lookups.js';
import { trendsQuery } from './trends.js';

export const Query = {
  country: () => ({ code: 'NL' }),
  async regions(_: unknown, args: { codes?: string[] | null }, ctx: Context) {
    if (!args.codes) return ctx.queries.regions.all();
    const selected = await Promise.all(args.codes.map((code) => requireRegion(ctx, code)));
    return selected.sort((a, b) => a.position - b.position);
  },
  region: (_: unknown, args: { code: string }, ctx: Context) => requireRegion(ctx, args.code),
  municipality: (_: unknown, args: { code: string }, ctx: Context) => requireMunicipality(ctx, args.code),
  async organisation(_: unknown, args: { id: string }, ctx: Context) {
    const organisation = await ctx.loaders.organisation.load(args.id);
    if (!organisation) throw new NotFoundError('Organisation', args.id);
    return organisation;
  },
  async site(_: unknown, args: { id: string }, ctx: Context) {
    const site = await ctx.loaders.site.load(args.id);
    if (!site) throw new NotFoundError('Site', args.id);
    return site;
  },
  async municipalities(_: unknown, args: PageArgs & MunicipalityFilter, ctx: Context) {
    const page = readPage(args);
    await checkFilters(ctx, args);
    const rows = await ctx.queries.municipalities.list(args, page);
    return toConnection(rows, page, () => ctx.queries.municipalities.count(args), (row) => [row.code]);
  },
  async organisations(_: unknown, args: PageArgs & OrganisationFilter, ctx: Context) {
    const page = readPage(args);
    await checkFilters(ctx, args);
    const rows = await ctx.queries.organisations.list(args, page);
    return toConnection(rows, page, () => ctx.queries.organisations.count(args), (row) => [row.id]);
  },
  async sites(_: unknown, args: PageArgs & SiteFilter, ctx: Context) {
    const page = readPage(args);
    await checkFilters(ctx, args);
    const rows = await ctx.queries.sites.list(args, page);
    return toConnection(rows, page, () => ctx.queries.sites.count(args), (row) => [row.id]);
  },
  trends: trendsQuery,
};
