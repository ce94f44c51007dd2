import { checkYear, isMunicipalityCode, isRegionCode } from '@vo/kit';
import type { Scope, SummaryFilter } from '../db/queries/summaries.js';
import type { SummarySource } from './CyberSummary.js';

/** What `cyber(...)` hands to the CyberSummary fields: whose scans, filtered how. No SQL runs yet. */
export function summary(scope: Scope, key: string, args: SummaryFilter): SummarySource {
  checkYear(args.year);
  return { scope, key, filter: args };
}

/*
 * The regions subgraph owns these entities; this subgraph only adds `cyber`. A reference is resolved
 * from the kit's reference data without SQL, and an unknown code resolves to null.
 */
export const Region = {
  __resolveReference: (ref: { code: string }) => (isRegionCode(ref.code) ? { code: ref.code } : null),
  cyber: (region: { code: string }, args: SummaryFilter) => summary('region', region.code, args),
};

export const Municipality = {
  __resolveReference: (ref: { code: string }) => (isMunicipalityCode(ref.code) ? { code: ref.code } : null),
  cyber: (municipality: { code: string }, args: SummaryFilter) => summary('municipality', municipality.code, args),
};

export const Country = {
  __resolveReference: (ref: { code: string }) => (ref.code === 'NL' ? { code: 'NL' } : null),
  cyber: (_: { code: string }, args: SummaryFilter) => summary('country', 'NL', args),
};
