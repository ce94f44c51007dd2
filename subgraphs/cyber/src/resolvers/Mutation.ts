import { today } from '@vo/kit';
import type { Context } from '../context.js';
import { checkScanBatch, type ScanInput } from '../writes/rules.js';


export const Mutation = {
  async submitScanResults(_: unknown, args: { scans: ScanInput[] }, ctx: Context) {
    // The scan_submitter policy has made sure the token names a known organisation: it owns what it submits.
    const { rows, errors } = checkScanBatch(args.scans, { owner: ctx.viewer.organisation!, today: today() });
    if (errors.length) return { scans: [], written: 0, errors };
    const written = await ctx.queries.storeScans(ctx.viewer, rows);
    // Freshness: the small-group pattern must include the new scans before anyone reads a figure again.
    if (written > 0) await ctx.queries.suppression.refresh();
    const stored = new Map((await ctx.queries.scans.byIds(rows.map((row) => row.id))).map((scan) => [scan.id, scan]));
    return { scans: rows.map((row) => stored.get(row.id)!), written, errors: [] };
  },
};
