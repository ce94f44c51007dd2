import { isOrganisationKnown, municipalityPlace, regionDetailRefusal, type DetailPlace, type Policies, type PolicyRequest } from '@vo/kit';
import type { ScanWithScore } from './db/queries/scans.js';

/** Where a summary's scans lie: the country's are public, a region's or municipality's belong to that region. */
function summaryPlace(source: { scope?: string; key?: string }): DetailPlace {
  if (source.scope === 'country') return 'public';
  if (source.scope === 'region') return source.key as DetailPlace;
  if (source.scope === 'municipality') return municipalityPlace(source.key ?? '');
  return 'national';
}

/** A region's summary filtered on instrument or sector is as much a breakdown as `bySector` itself. */
function breakdownPlace({ typeName, subject, args }: PolicyRequest): DetailPlace {
  if (typeName === 'Region') return args.instrument || args.sector ? (subject as { code: string }).code as DetailPlace : 'public';
  if (typeName === 'CyberSummary') return summaryPlace(subject as { scope?: string; key?: string });
  return 'national';
}

function detailPlace({ typeName, subject }: PolicyRequest): DetailPlace {
  if (typeName === 'Municipality') return municipalityPlace((subject as { code: string }).code);
  if (typeName === 'Region') return (subject as { code: string }).code as DetailPlace;
  return 'national';
}

const refusedOr = (refusal: string | null) => refusal ?? true;

/** The `@policy` names of the cyber SDL. */
export const cyberPolicies: Policies = {
  /** Individual scans: only the organisation named in the token's `org` claim, and only its own scans. */
  scan_owner({ viewer, typeName, subject }) {
    if (!viewer.organisation) {
      return 'Individual cyber scans are visible only to the organisation that holds them; this needs a token with an org claim (npm run token -- --org <id>).';
    }
    if (typeName !== 'CyberScan') return true;
    const scan = subject as Pick<ScanWithScore, 'id' | 'ownerOrganisation'>;
    return scan.ownerOrganisation === viewer.organisation || `Cyber scan ${scan.id} is held by another organisation.`;
  },
  /** Submitting scans: the token's org claim names the organisation that will own them, so it must name a known one. */
  scan_submitter({ viewer }) {
    if (!viewer.organisation) {
      return 'Submitting scans needs a token with an org claim naming the organisation that holds them (npm run token -- --scope cyber:write --org dtc).';
    }
    return isOrganisationKnown(viewer.organisation) || `The token's org claim "${viewer.organisation}" is not an organisation of the hub.`;
  },
  /** Municipality-level figures are detail of the municipality's region. */
  region_detail: (request) => refusedOr(regionDetailRefusal(request.viewer, detailPlace(request))),
  /** Breakdowns of a region's scans by instrument or sector, as lists or as filters; the country's are public. */
  region_breakdown: (request) => refusedOr(regionDetailRefusal(request.viewer, breakdownPlace(request))),
};
