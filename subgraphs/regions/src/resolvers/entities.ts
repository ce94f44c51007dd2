import type { PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import { historyOf } from '@vo/kit';
import type { municipalities, organisations, pvos, sites } from '../db/schema.js';

type PvoRow = typeof pvos.$inferSelect;
type MunicipalityRow = typeof municipalities.$inferSelect;
type OrganisationRow = typeof organisations.$inferSelect;
type SiteRow = typeof sites.$inferSelect;

export const Pvo = {
  host: (pvo: PvoRow, _: unknown, ctx: Context) => (pvo.hostId ? ctx.loaders.organisation.load(pvo.hostId) : null),
  embeddedIn: (pvo: PvoRow, _: unknown, ctx: Context) =>
    pvo.embeddedInId ? ctx.loaders.organisation.load(pvo.embeddedInId) : null,
  async partners(pvo: PvoRow, _: unknown, ctx: Context) {
    const links = await ctx.loaders.pvoPartners.load(pvo.regionCode);
    const partners = await ctx.loaders.organisation.loadMany(links.map((link) => link.organisationId));
    return partners.filter((partner) => partner !== null && !(partner instanceof Error));
  },
  history: (pvo: PvoRow, _: unknown, ctx: Context) => historyOf(ctx.loaders.pvoHistory, pvo.regionCode),
};

export const Municipality = {
  __resolveReference: (ref: { code: string }, ctx: Context) => ctx.loaders.municipality.load(ref.code),
  region: (municipality: MunicipalityRow, _: unknown, ctx: Context) => ctx.loaders.region.load(municipality.regionCode),
  businessParkCount: (municipality: MunicipalityRow, _: unknown, ctx: Context) =>
    ctx.loaders.municipalityBusinessParks.load(municipality.code),
  sites: (municipality: MunicipalityRow, args: PageArgs & { kind?: string | null }, ctx: Context) =>
    ctx.loaders.municipalitySites.load(municipality.code, args),
};

export const Organisation = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.organisation.load(ref.id),
  region: (organisation: OrganisationRow, _: unknown, ctx: Context) =>
    organisation.regionCode ? ctx.loaders.region.load(organisation.regionCode) : null,
};

export const Site = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.site.load(ref.id),
  municipality: (site: SiteRow, _: unknown, ctx: Context) => ctx.loaders.municipality.load(site.municipalityCode),
  region: (site: SiteRow, _: unknown, ctx: Context) => ctx.loaders.region.load(site.regionCode),
};
