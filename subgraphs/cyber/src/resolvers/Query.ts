import { NotFoundError, checkDateRange, checkPlaces, checkYear, readPage, toConnection, type PageArgs } from '@vo/kit';
import type { Context } from '../context.js';
import type { ScanFilter } from '../db/queries/scans.js';

export const Query = {
  async cyberScans(_: unknown, args: PageArgs & Omit<ScanFilter, 'owner'>, ctx: Context) {
    const { first, after, ...filter } = args;
    const page = readPage({ first, after });
    checkPlaces(filter);
    checkDateRange(filter);
    if (filter.year != null) checkYear(filter.year, 'year');
    // Only the caller's own scans: the scan_owner policy has made sure the token names an organisation.
    const owned = { ...filter, owner: ctx.viewer.organisation! };
    const rows = await ctx.queries.scans.list(owned, page);
    return toConnection(rows, page, () => ctx.queries.scans.count(owned), (row) => [row.scannedOn, row.id]);
  },
  async cyberScan(_: unknown, args: { id: string }, ctx: Context) {
    const scan = await ctx.loaders.scan.load(args.id);
    if (!scan) throw new NotFoundError('CyberScan', args.id);
    return scan;
  },
};
