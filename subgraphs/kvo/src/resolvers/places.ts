import { BadInputError, NotFoundError, SITES, isMunicipalityCode, isRegionCode, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { CertificationRow } from '../db/schema.js';
import type { PlaceScope } from '../db/queries/summaries.js';
import { today } from '@vo/kit';
import { addDays, lastValidDayOf, type CertificationStatus } from '../domain.js';
import type { SummarySource } from './KvoSummary.js';

const SITE_IDS = new Set(SITES.map((site) => site.id));
const MAX_WINDOW_DAYS = 3650;

export function checkSite(id: string) {
  if (!SITE_IDS.has(id)) throw new NotFoundError('Site', id);
}

/** A place representation carries the business-park count the gateway fetched for `@requires`. */
interface Place {
  key: string;
  businessParkCount?: number;
}

/** What `kvo(...)` hands to the KvoSummary fields: whose certificates, on which day. No SQL runs yet. */
function summary(scope: PlaceScope, place: Place, args: { asOf?: string | null; expiringWithinDays: number }): SummarySource {
  const days = args.expiringWithinDays;
  if (!Number.isInteger(days) || days < 0 || days > MAX_WINDOW_DAYS) {
    throw new BadInputError(`expiringWithinDays must be between 0 and ${MAX_WINDOW_DAYS}; got ${days}.`, 'expiringWithinDays');
  }
  const asOf = args.asOf ?? today();
  return { scope, key: place.key, asOf, expiringWithinDays: days, expiresBy: addDays(asOf, days), businessParks: place.businessParkCount };
}

type KvoArgs = { asOf?: string | null; expiringWithinDays: number };
type Ref = { code: string; businessParkCount?: number };
const keep = (ref: Ref) => ({ code: ref.code, businessParkCount: ref.businessParkCount });

/*
 * The regions subgraph owns these entities; this subgraph only adds `kvo`. A reference is resolved
 * from the kit's reference data without SQL, and an unknown key resolves to null.
 */
export const Region = {
  __resolveReference: (ref: Ref) => (isRegionCode(ref.code) ? keep(ref) : null),
  kvo: (region: Ref, args: KvoArgs) => summary('region', { key: region.code, ...region }, args),
};

export const Municipality = {
  __resolveReference: (ref: Ref) => (isMunicipalityCode(ref.code) ? keep(ref) : null),
  kvo: (municipality: Ref, args: KvoArgs) => summary('municipality', { key: municipality.code, ...municipality }, args),
};

export const Country = {
  __resolveReference: (ref: Ref) => (ref.code === 'NL' ? keep(ref) : null),
  kvo: (country: Ref, args: KvoArgs) => summary('country', { key: 'NL', ...country }, args),
};

interface SiteCertificationsArgs extends PageArgs {
  scheme?: string | null;
  status?: CertificationStatus | null;
  asOf?: string | null;
}

/** A site's standing on one day; every field reads the same batched "valid on asOf" statement. */
interface SiteStanding {
  siteId: string;
  asOf: string;
}

const validOn = (standing: SiteStanding, ctx: Context): Promise<CertificationRow[]> =>
  ctx.loaders.validAt(standing.asOf).load(standing.siteId);
const current = async (standing: SiteStanding, ctx: Context) => (await validOn(standing, ctx))[0] ?? null;

export const Site = {
  __resolveReference: (ref: { id: string }) => (SITE_IDS.has(ref.id) ? { id: ref.id } : null),
  certifications: (site: { id: string }, args: SiteCertificationsArgs, ctx: Context) =>
    // Fixed property order, so equal arguments always share one loader.
    ctx.loaders.siteCertifications.load(site.id, {
      first: args.first,
      after: args.after,
      scheme: args.scheme ?? null,
      status: args.status ?? null,
      asOf: args.asOf ?? today(),
    }),
  kvo: (site: { id: string }, args: { asOf?: string | null }): SiteStanding => ({ siteId: site.id, asOf: args.asOf ?? today() }),
};

export const SiteKvo = {
  certified: async (standing: SiteStanding, _: unknown, ctx: Context) => (await validOn(standing, ctx)).length > 0,
  current: (standing: SiteStanding, _: unknown, ctx: Context) => current(standing, ctx),
  certifiedSince: async (standing: SiteStanding, _: unknown, ctx: Context) => (await current(standing, ctx))?.chainStartedOn ?? null,
  async validUntil(standing: SiteStanding, _: unknown, ctx: Context) {
    const certificate = await current(standing, ctx);
    return certificate ? lastValidDayOf(certificate) : null;
  },
  validCertificates: (standing: SiteStanding, _: unknown, ctx: Context) => validOn(standing, ctx),
};
