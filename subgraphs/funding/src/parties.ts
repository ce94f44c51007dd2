import { MUNICIPALITIES, NotFoundError, ORGANISATIONS, isRegionCode, type OrganisationRecord } from '@vo/kit';

export type PartyType = 'ORGANISATION' | 'REGION' | 'MUNICIPALITY';

/** A funder or recipient by federation key; a PVO is its region. */
export interface Party {
  type: PartyType;
  id: string;
}

const organisationsById = new Map(ORGANISATIONS.map((o) => [o.id, o]));
const municipalitiesByCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

export const isOrganisationId = (id: string) => organisationsById.has(id);

/**
 * The party an ID names, or null: region codes, CBS municipality codes and organisation ids never look alike,
 * so one ID says which kind of party it is.
 */
export function partyOf(id: string): Party | null {
  if (isRegionCode(id)) return { type: 'REGION', id };
  if (municipalitiesByCode.has(id)) return { type: 'MUNICIPALITY', id };
  if (organisationsById.has(id)) return { type: 'ORGANISATION', id };
  return null;
}

/** What an unknown party ID looks like it meant, for messages: Municipality, Region or Organisation. */
export function partyKindOf(id: string): 'Municipality' | 'Region' | 'Organisation' {
  if (/^GM\d+$/i.test(id)) return 'Municipality';
  if (/^[A-Z]{2,3}$/.test(id)) return 'Region';
  return 'Organisation';
}

/** Reads a party argument; an unknown one is NOT_FOUND, named by its look. */
export function partyFromId(id: string): Party {
  const party = partyOf(id);
  if (!party) throw new NotFoundError(partyKindOf(id), id);
  return party;
}

const TYPENAMES: Record<PartyType, string> = { ORGANISATION: 'Organisation', REGION: 'Region', MUNICIPALITY: 'Municipality' };

/** The federation stub of a party, for the FundingParty union: the gateway fetches its other fields. */
export function partyStub(type: string, id: string) {
  const __typename = TYPENAMES[type as PartyType];
  return __typename === 'Organisation' ? { __typename, id } : { __typename, code: id };
}

/** The kit's organisation record, failing loudly: callers pass only parties already checked. */
function organisationRecord(id: string): OrganisationRecord {
  const record = organisationsById.get(id);
  if (!record) throw new Error(`funding: organisation "${id}" is not in the kit's ORGANISATIONS`);
  return record;
}

const CATEGORY_BY_TYPE: Partial<Record<OrganisationRecord['type'], string>> = {
  POLICE: 'JUSTICE_AND_SECURITY',
  PROSECUTION: 'JUSTICE_AND_SECURITY',
  PROVINCE: 'PROVINCE',
  SAFETY_PARTNERSHIP: 'MUNICIPAL',
  BUSINESS_ASSOCIATION: 'PRIVATE',
};

/** JenV and CCV (which JenV pays) count as central government; EZK is the "other ministry" of question 2. */
export function funderCategory(party: Party): string {
  if (party.type === 'REGION') return 'PVO';
  if (party.type === 'MUNICIPALITY') return 'MUNICIPAL';
  const record = organisationRecord(party.id);
  if (record.id === 'jenv' || record.id === 'ccv') return 'JUSTICE_AND_SECURITY';
  if (record.type === 'MINISTRY') return 'OTHER_MINISTRY';
  return CATEGORY_BY_TYPE[record.type] ?? 'OTHER';
}

/** The region a recipient belongs to; null for a national organisation. */
export function regionOf(party: Party): string | null {
  if (party.type === 'REGION') return party.id;
  if (party.type === 'MUNICIPALITY') {
    const record = municipalitiesByCode.get(party.id);
    if (!record) throw new Error(`funding: municipality "${party.id}" is not in the kit's MUNICIPALITIES`);
    return record.regionCode;
  }
  return organisationRecord(party.id).regionCode ?? null;
}

/** A grant's id from its natural key: budget year, funder, recipient and purpose (2019-jenv-rr-safety-week). */
export const grantId = (year: number, funder: Party, recipient: Party, purpose: string) =>
  [year, funder.id, recipient.id, purpose].join('-').toLowerCase();
