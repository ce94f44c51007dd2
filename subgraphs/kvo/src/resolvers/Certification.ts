import { historyOf } from '@vo/kit';
import type { Context } from '../context.js';
import type { CertificationRow } from '../db/schema.js';
import { today } from '@vo/kit';
import { statusOn, type Scheme } from '../domain.js';
import { guideForMunicipality, type ProcessGuide as Guide } from '../guides.js';

/** Places are returned as key stubs: their owner, the regions subgraph, resolves the rest. */
export const Certification = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.certification.load(ref.id),
  site: (row: CertificationRow) => ({ id: row.siteId }),
  municipality: (row: CertificationRow) => ({ code: row.municipalityCode }),
  region: (row: CertificationRow) => ({ code: row.regionCode }),
  previous: (row: CertificationRow, _: unknown, ctx: Context) => (row.previousId ? ctx.loaders.certification.load(row.previousId) : null),
  processGuide: (row: CertificationRow) => guideForMunicipality(row.scheme as Scheme, row.municipalityCode),
  status: (row: CertificationRow, args: { asOf?: string | null }) => statusOn(row, args.asOf ?? today()),
  history: (row: CertificationRow, _: unknown, ctx: Context) => historyOf(ctx.loaders.history, row.id),
};

export const ProcessGuide = {
  organisation: (guide: Guide) => ({ id: guide.organisationId }),
};
