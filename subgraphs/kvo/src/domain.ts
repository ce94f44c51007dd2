import type { SiteKind } from '@vo/kit';

/** The values of the SDL enums, in schema order; the database stores them as text. */

export const SCHEMES = ['KVO_B', 'KVO_W', 'VEILIG_BUITENGEBIED', 'KVO_CYBER'] as const;
export type Scheme = (typeof SCHEMES)[number];

export const KINDS = ['FIRST', 'RECERTIFICATION'] as const;
export type CertificationKind = (typeof KINDS)[number];

export const STATUSES = ['VALID', 'EXPIRED', 'NOT_YET_VALID', 'WITHDRAWN'] as const;
export type CertificationStatus = (typeof STATUSES)[number];

/** The themes shared with the other subgraphs, in the SDL's order. */
export const THEMES = [
  'CYBER',
  'UNDERMINING',
  'MOBILE_BANDITRY',
  'ROBBERY',
  'SHOPLIFTING',
  'BURGLARY',
  'FIRE_SAFETY',
  'NUISANCE',
  'RURAL_CRIME',
  'AGGRESSION',
] as const;
export type Theme = (typeof THEMES)[number];

/** A certificate is valid for three years (DOMAIN.md section 3). */
export const VALIDITY_YEARS = 3;

/** The register begins in 2011: older certificates are not recorded, so renewals of them name no predecessor. */
export const REGISTER_FROM_YEAR = 2011;

/** Cyber and ondermijning were added to the KVO in 2016 (DOMAIN.md section 3). */
export const NEW_THEMES = ['CYBER', 'UNDERMINING'] as const;
export const NEW_THEMES_FROM = 2016;

/** The kind of site each scheme certifies: KVO Cyber is a pilot on business parks. */
export const SITE_KIND_OF: Record<Scheme, SiteKind> = {
  KVO_B: 'BUSINESS_PARK',
  KVO_W: 'SHOPPING_AREA',
  VEILIG_BUITENGEBIED: 'RURAL_AREA',
  KVO_CYBER: 'BUSINESS_PARK',
};

const ID_PREFIX: Record<Scheme, string> = { KVO_B: 'KVO-B', KVO_W: 'KVO-W', VEILIG_BUITENGEBIED: 'KVB', KVO_CYBER: 'KVO-C' };

/**
 * The id of a site's certificate under a scheme issued on a day: scheme, site and year. A site holds at most one
 * certificate of a scheme per year (each runs three), so the same row always finds the same record.
 */
export const certificationId = (scheme: Scheme, siteId: string, certifiedOn: string) => `${ID_PREFIX[scheme]}-${siteId}-${certifiedOn.slice(0, 4)}`;

const ISO = (date: Date) => date.toISOString().slice(0, 10);
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** `iso` plus whole years; 29 February becomes 28 February, as Postgres' `date + interval` does. */
export function addYears(iso: string, years: number): string {
  const [year, month, day] = parts(iso);
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return ISO(new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDay))));
}

export function addDays(iso: string, days: number): string {
  const [year, month, day] = parts(iso);
  return ISO(new Date(Date.UTC(year, month - 1, day + days)));
}

export const validUntilOf = (certifiedOn: string) => addYears(certifiedOn, VALIDITY_YEARS);

/** A certificate's last valid day: validUntil, or the day before its withdrawal (`lastValidDay` in SQL). */
export function lastValidDayOf(certificate: { validUntil: string; withdrawnOn?: string | null }): string {
  const dayBefore = certificate.withdrawnOn ? addDays(certificate.withdrawnOn, -1) : null;
  return dayBefore && dayBefore < certificate.validUntil ? dayBefore : certificate.validUntil;
}

/**
 * Valid from `certifiedOn` through `validUntil`, both days included; a withdrawn certificate stops being valid on
 * its withdrawal day and is WITHDRAWN from then on (filters.ts says the same in SQL).
 */
export function statusOn(
  certificate: { certifiedOn: string; validUntil: string; withdrawnOn?: string | null },
  asOf: string,
): CertificationStatus {
  if (asOf < certificate.certifiedOn) return 'NOT_YET_VALID';
  if (certificate.withdrawnOn && asOf >= certificate.withdrawnOn) return 'WITHDRAWN';
  return asOf > certificate.validUntil ? 'EXPIRED' : 'VALID';
}
