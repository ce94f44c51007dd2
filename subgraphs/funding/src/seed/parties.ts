import { MUNICIPALITIES, ORGANISATIONS, type OrganisationRecord, type seededRandom } from '@vo/kit';
import type { GrantInsert } from '../db/schema.js';
import type { Party } from '../parties.js';
import { ROUND_EURO, type EuroRange } from './constants.js';

/** The seeded generator every stream draws from, in a fixed order. */
export type Random = ReturnType<typeof seededRandom>;

export const organisation = (id: string): Party => ({ type: 'ORGANISATION', id });
export const region = (code: string): Party => ({ type: 'REGION', id: code });
export const municipality = (code: string): Party => ({ type: 'MUNICIPALITY', id: code });

const organisationsById = new Map(ORGANISATIONS.map((o) => [o.id, o]));
const municipalitiesByCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

/** The kit's organisation record, failing loudly so a typo in the generator cannot reach the data. */
function organisationRecord(id: string): OrganisationRecord {
  const record = organisationsById.get(id);
  if (!record) throw new Error(`funding seed: organisation "${id}" is not in the kit's ORGANISATIONS`);
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
    if (!record) throw new Error(`funding seed: municipality "${party.id}" is not in the kit's MUNICIPALITIES`);
    return record.regionCode;
  }
  return organisationRecord(party.id).regionCode ?? null;
}

/** The municipalities of a region, by CBS code. */
export const municipalitiesIn = (code: string) => MUNICIPALITIES.filter((m) => m.regionCode === code);

/** A synthetic amount in cents, drawn from a euro range and rounded so it reads like a budget line. */
export function drawCents(random: Random, range: EuroRange, factor = 1): number {
  const euro = random.number.float({ min: range.min, max: range.max }) * factor;
  return Math.round(euro / ROUND_EURO) * ROUND_EURO * 100;
}

export interface GrantSpec {
  funder: Party;
  recipient: Party;
  /** Ends the id: what the grant is for, unique per funder, recipient and year. */
  purpose: string;
  amountCents: number;
  periodStart: string;
  periodEnd: string;
  kind: 'PROJECT_SUBSIDY' | 'STRUCTURAL' | 'ONE_OFF' | 'PER_INHABITANT' | 'IN_KIND';
  themes?: string[];
  earmarked?: boolean;
  description: string;
  via?: string;
  synthetic?: boolean;
  source: string;
}

/** A grant row with its derived columns: id, budget year, types, category and the recipient's region. */
export function grant(spec: GrantSpec): GrantInsert {
  const year = Number(spec.periodStart.slice(0, 4));
  if (spec.via) organisationRecord(spec.via);
  return {
    id: [year, spec.funder.id, spec.recipient.id, spec.purpose].join('-').toLowerCase(),
    funderType: spec.funder.type,
    funderId: spec.funder.id,
    funderCategory: funderCategory(spec.funder),
    recipientType: spec.recipient.type,
    recipientId: spec.recipient.id,
    recipientRegionCode: regionOf(spec.recipient),
    viaId: spec.via ?? null,
    amountCents: spec.amountCents,
    periodStart: spec.periodStart,
    periodEnd: spec.periodEnd,
    year,
    kind: spec.kind,
    themes: spec.themes ?? [],
    earmarked: spec.earmarked ?? (spec.themes?.length ?? 0) > 0,
    description: spec.description,
    synthetic: spec.synthetic ?? true,
    source: spec.source,
  };
}

/** Inclusive list of years. */
export const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A calendar year's period. */
export const wholeYear = (year: number) => ({ periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
