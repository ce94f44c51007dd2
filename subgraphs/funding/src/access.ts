import { municipalityPlace, organisationPlace, regionDetailRefusal, subgraphWrite, type DetailPlace, type Policies, type PolicyRequest } from '@vo/kit';
import type { ScopeName } from './db/queries/summaries.js';
import type { GrantRow } from './db/schema.js';

/** The region a summary's grants belong to; the country's breakdowns are national detail. */
function summaryPlace({ scope, key }: { scope: ScopeName; key: string }): DetailPlace {
  switch (scope) {
    case 'region':
      return key as DetailPlace;
    case 'municipalityGiven':
    case 'municipalityReceived':
      return municipalityPlace(key);
    case 'organisationGiven':
    case 'organisationReceived':
      return organisationPlace(key);
    default:
      return 'national';
  }
}

/** Whose detail a request is about. Anything not listed is national detail, so a new caller is never public by mistake. */
function place({ typeName, subject, args }: PolicyRequest): DetailPlace {
  switch (typeName) {
    case 'Query':
      return (args.region as DetailPlace | undefined) ?? 'national';
    case 'Grant':
      return ((subject as GrantRow).recipientRegionCode as DetailPlace | null) ?? 'national';
    case 'FundingSummary':
    case 'FundingYear':
    case 'FundingPeriod':
      return summaryPlace(subject as { scope: ScopeName; key: string });
    case 'Organisation':
      return organisationPlace((subject as { id: string }).id);
    case 'Municipality':
      return municipalityPlace((subject as { code: string }).code);
    default:
      return 'national';
  }
}

/** The `@policy` names of the funding SDL. */
export const fundingPolicies: Policies = {
  /** Individual grants and per-funder, per-kind and per-theme amounts: national:read, or the region's own token. */
  region_detail: (request) =>
    // The funder that writes the grants reads them all, so it sees what it wrote and its history.
    request.viewer.scopes.has(subgraphWrite('funding')) || (regionDetailRefusal(request.viewer, place(request)) ?? true),
};
