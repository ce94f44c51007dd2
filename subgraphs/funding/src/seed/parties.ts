import { MUNICIPALITIES, type seededRandom } from '@vo/kit';
import type { GrantInsert } from '../db/schema.js';
import { funderCategory, grantId, isOrganisationId, regionOf, type Party } from '../parties.js';
import { ROUND_EURO, type EuroRange } from './constants.js';

/** The seeded generator every stream draws from, in a fixed order. */
export type Random = ReturnType<typeof seededRandom>;

export const organisation = (id: string): Party => ({ type: 'ORGANISATION', id });
export const region = (code: string): Party => ({ type: 'REGION', id: code });
export const municipality = (code: string): Party => ({ type: 'MUNICIPALITY', id: code });

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
  if (spec.via && !isOrganisationId(spec.via)) throw new Error(`funding seed: organisation "${spec.via}" is not in the kit's ORGANISATIONS`);
  return {
    id: grantId(year, spec.funder, spec.recipient, spec.purpose),
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
