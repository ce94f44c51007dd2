import { BadInputError, checkYearRange, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { PlaceScope, TotalsRow } from '../db/queries/summaries.js';

/** Whose certificates a KvoSummary covers, on which day, and the business parks the gateway supplied. */
export interface SummarySource {
  scope: PlaceScope;
  key: string;
  asOf: string;
  expiringWithinDays: number;
  expiresBy: string;
  businessParks?: number;
}

const NONE: Omit<TotalsRow, 'key'> = { validCertificates: 0, certifiedSites: 0, certifiedBusinessParks: 0, expiringSoon: 0 };

const totals = async (source: SummarySource, ctx: Context) =>
  (await ctx.loaders.totals({ scope: source.scope, asOf: source.asOf, expiresBy: source.expiresBy }).load(source.key)) ?? NONE;

/** `businessParkCount` comes in the representation (`@requires`); without it the field cannot be answered. */
function businessParks(source: SummarySource): number {
  if (typeof source.businessParks !== 'number') {
    throw new BadInputError('kvo needs the place\'s businessParkCount in the representation (it is @requires), which the gateway supplies.');
  }
  return source.businessParks;
}

export const KvoSummary = {
  validCertificates: async (source: SummarySource, _: unknown, ctx: Context) => (await totals(source, ctx)).validCertificates,
  certifiedSites: async (source: SummarySource, _: unknown, ctx: Context) => (await totals(source, ctx)).certifiedSites,
  certifiedBusinessParks: async (source: SummarySource, _: unknown, ctx: Context) => (await totals(source, ctx)).certifiedBusinessParks,
  expiringSoon: async (source: SummarySource, _: unknown, ctx: Context) => (await totals(source, ctx)).expiringSoon,
  businessParks,
  async businessParkCoverage(source: SummarySource, _: unknown, ctx: Context) {
    const parks = businessParks(source);
    return parks > 0 ? (await totals(source, ctx)).certifiedBusinessParks / parks : 0;
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
    const byYear = new Map((await loader.load(source.key)).map((row) => [row.year, row]));
    return Array.from({ length: to - from + 1 }, (_, index) => {
      const year = from + index;
      const row = byYear.get(year);
      return {
        year,
        certifications: row?.certifications ?? 0,
        firstCertifications: row?.firstCertifications ?? 0,
        recertifications: row?.recertifications ?? 0,
        // A certificate ends three calendar years after it was issued.
        expired: byYear.get(year - 3)?.lapsed ?? 0,
      };
    });
  },
};
