import { NotFoundError, ORGANISATIONS, isMunicipalityCode, isRegionCode } from '@vo/kit';

export type PartyType = 'ORGANISATION' | 'REGION' | 'MUNICIPALITY';

/** A funder or recipient by federation key; a PVO is its region. */
export interface Party {
  type: PartyType;
  id: string;
}

const ORGANISATION_IDS = new Set(ORGANISATIONS.map((o) => o.id));

export const isOrganisationId = (id: string) => ORGANISATION_IDS.has(id);

/**
 * Reads a party argument: region codes, CBS municipality codes and organisation ids never look
 * alike, so one ID says which kind of party it is. An unknown one is NOT_FOUND, named by its look.
 */
export function partyFromId(id: string): Party {
  if (isRegionCode(id)) return { type: 'REGION', id };
  if (isMunicipalityCode(id)) return { type: 'MUNICIPALITY', id };
  if (isOrganisationId(id)) return { type: 'ORGANISATION', id };
  if (/^GM\d+$/i.test(id)) throw new NotFoundError('Municipality', id);
  if (/^[A-Z]{2,3}$/.test(id)) throw new NotFoundError('Region', id);
  throw new NotFoundError('Organisation', id);
}

const TYPENAMES: Record<PartyType, string> = { ORGANISATION: 'Organisation', REGION: 'Region', MUNICIPALITY: 'Municipality' };

/** The federation stub of a party, for the FundingParty union: the gateway fetches its other fields. */
export function partyStub(type: string, id: string) {
  const __typename = TYPENAMES[type as PartyType];
  return __typename === 'Organisation' ? { __typename, id } : { __typename, code: id };
}
