import { BadInputError, checkYearRange, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { PlaceScope, TotalsRow } from '../db/queries/summaries.js';
import { flowsPerPeriod } from '../flows.js';

/** Whose certificates a KvoSummary covers, on which day, and the business parks the gateway supplied. */
export interface SummarySource {
  scope: PlaceScope;
  key: string;
  asOf: string;
  expiringWithinDays: number;
  expiresBy: string;
  businessParks?: number;
}

/** A place without a valid certificate on the day has no totals row. */
export const NO_CERTIFICATES: Omit<TotalsRow, 'key' | 'asOf' | 'expiresBy'> = {
  validCertificates: 0,
  certifiedSites: 0,
  certifiedBusinessParks: 0,
  expiringSoon: 0,
};

const totals = async (source: SummarySource, ctx: Context) =>
  (await ctx.loaders.totals({ scope: source.scope, asOf: source.asOf, expiresBy: source.expiresBy }).load(source.key)) ?? NO_CERTIFICATES;

/** `businessParkCount` comes in the representation (`@requires`); without it the field cannot be answered. */
export function requireBusinessParks(count: number | undefined): number {
  if (typeof count !== 'number') {
    throw new BadInputError('kvo needs the place\'s businessParkCount in the representation (it is @requires), which the gateway supplies.');
  }
  return count;
}

/** Certified business parks over all business parks, 0 to 1; 0 for a place without any. */
export const coverage = (certified: number, parks: number) => (parks > 0 ? certified / parks : 0);

const businessParks = (source: SummarySource) => requireBusinessParks(source.businessParks);

export const KvoSummary = {
  validCertificates: async (source: SummarySource, _: unknown, ctx: Context) => (await totals(source, ctx)).validCertificates,
  certifiedSites: async (source: SummarySource, _: unknown, ctx: Context) => (await totals(source, ctx)).certifiedSites,
  certifiedBusinessParks: async (source: SummarySource, _: unknown, ctx: Context) => (await totals(source, ctx)).certifiedBusinessParks,
  expiringSoon: async (source: SummarySource, _: unknown, ctx: Context) => (await totals(source, ctx)).expiringSoon,
  businessParks,
  async businessParkCoverage(source: SummarySource, _: unknown, ctx: Context) {
    const parks = businessParks(source);
    return coverage((await totals(source, ctx)).certifiedBusinessParks, parks);
  },
  expiring: (source: SummarySource, args: PageArgs, ctx: Context) =>
    ctx.loaders.expiring[source.scope].load(source.key, {
      first: args.first,
      after: args.after,
      status: 'VALID',
      asOf: source.asOf,
      expiresBy: source.expiresBy,
    }),
  async perYear(source: SummarySource, args: { from: number; to: number; scheme?: string | null }, ctx: Context) {
    const { from, to } = checkYearRange(args);
    const loader = ctx.loaders.perYear({ scope: source.scope, from, to, scheme: args.scheme ?? null, asOf: source.asOf });
    const flowsIn = flowsPerPeriod(await loader.load(source.key));
    return Array.from({ length: to - from + 1 }, (_, index) => ({ year: from + index, ...flowsIn(from + index, null) }));
  },
};
