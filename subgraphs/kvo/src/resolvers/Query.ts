import { NotFoundError, checkDateRange, checkPlaces, checkYear, readPage, toConnection, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import { ORDERS } from '../db/queries/certifications.js';
import type { CertificationConditions } from '../db/queries/filters.js';
import { today } from '@vo/kit';
import { type CertificationStatus, type Scheme } from '../domain.js';
import { PROCESS_GUIDES, guideFor, provinceNamed } from '../guides.js';
import { checkSite } from './places.js';

type CertificationsArgs = PageArgs & Omit<CertificationConditions, 'expiresBy'>;

/** Checks every filter first, so a typo gives NOT_FOUND or BAD_USER_INPUT rather than an empty page. */
function certificationFilter(args: Omit<CertificationsArgs, 'first' | 'after'>): CertificationConditions {
  checkPlaces(args);
  if (args.site != null) checkSite(args.site);
  checkDateRange({ from: args.certifiedFrom, to: args.certifiedTo });
  checkYear(args.year);
  return { ...args, asOf: args.asOf ?? today(), status: (args.status ?? null) as CertificationStatus | null };
}

export const Query = {
  async certifications(_: unknown, args: CertificationsArgs, ctx: Context) {
    const { first, after, ...rest } = args;
    const page = readPage({ first, after });
    const filter = certificationFilter(rest);
    const rows = await ctx.queries.certifications.list(filter, page);
    return toConnection(rows, page, () => ctx.queries.certifications.count(filter), ORDERS.certified.keyOf);
  },
  async certification(_: unknown, args: { id: string }, ctx: Context) {
    const certification = await ctx.loaders.certification.load(args.id);
    if (!certification) throw new NotFoundError('Certification', args.id);
    return certification;
  },
  processGuide: (_: unknown, args: { province: string; scheme: Scheme }) => guideFor(args.scheme, provinceNamed(args.province)),
  processGuides: () => PROCESS_GUIDES,
};
