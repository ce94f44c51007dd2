import { historyOf } from '@vo/kit';
import { DOMAINS } from '../domain.js';
import type { Context } from '../context.js';
import type { ScanWithScore } from '../db/queries/scans.js';

/** Places and organisations are returned as key stubs: their owner, the regions subgraph, resolves the rest. */
export const CyberScan = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.scan.load(ref.id),
  municipality: (scan: ScanWithScore) => ({ code: scan.municipalityCode }),
  region: (scan: ScanWithScore) => ({ code: scan.regionCode }),
  scores: (scan: ScanWithScore) => DOMAINS.map(({ domain, column }) => ({ domain, score: scan[column] })),
  submittedBy: (scan: ScanWithScore) => (scan.submittedBy ? { id: scan.submittedBy } : null),
  owner: (scan: ScanWithScore) => ({ id: scan.ownerOrganisation }),
  history: (scan: ScanWithScore, _: unknown, ctx: Context) => historyOf(ctx.loaders.history, scan.id),
};
